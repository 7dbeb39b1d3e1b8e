// The library's review backlog against the real core over HTTP: each procedure's counts come from
// its data and the clinic's acceptances (shared/library/review-backlog.ts); a procedure's name
// opens its review list, where a physician accepts a fact with a comment and the counts follow.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { evidenceCounts, factsOf } from '#shared/library/evidence-summary';
import { LIBRARY } from '#shared/library/index';
import { baseEvidence } from '#shared/library/review-backlog';
import { api } from '../api/client';
import { useLibrary } from '../stores/library';
import { coreSettled } from '../testing/core-calls';
import { signInAs as signInWith } from '../testing/session';
import { LibraryScreen } from './LibraryScreen';

// No other renderer test touches this procedure's reviews (they share one core).
const SIJ = LIBRARY.find((t) => t.id === 'sacroiliac-joint-injection')!;
const COLUMNS = ['verified', 'secondary', 'awaitingReview', 'accepted'] as const;

/** Signed in, with the library store as a fresh page has it. */
async function signInAs(session: 'nurseSession' | 'physicianSession') {
  await signInWith(session);
  useLibrary.setState({ overview: [], selected: null, error: null });
}
afterEach(cleanup);

async function screenShown(): Promise<void> {
  render(<LibraryScreen />);
  await coreSettled();
}
const rowOf = (name: string) => screen.getByRole('button', { name: `Review ${name}` }).closest('tr')!;
const countsIn = (row: HTMLElement) => Object.fromEntries(COLUMNS.map((c) => [c, Number(row.querySelector(`td[data-column="${c}"]`)!.textContent)]));

describe('review backlog table (real core)', () => {
  it('counts every procedure\'s facts from its data: verified, secondary source, awaiting review, accepted by the clinic', async () => {
    await signInAs('nurseSession');
    await screenShown();
    const table = screen.getByRole('table', { name: /^Review backlog/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
      ['Procedure', 'Family', 'Version', 'Verified', 'Secondary source', 'Awaiting review', 'Accepted by the clinic', 'Actions'],
    );
    // The bundled data alone (before any acceptance) agrees with the coverage report's evidence counts.
    const tags = evidenceCounts(SIJ);
    expect(countsIn(rowOf(SIJ.name))).toEqual({ verified: tags.V, secondary: tags.V2, awaitingReview: tags.M + tags.inference, accepted: 0 });
    // Every procedure of the library has its row, and each row adds up to its facts.
    for (const t of LIBRARY) {
      const counts = countsIn(rowOf(t.name));
      expect(COLUMNS.reduce((n, c) => n + counts[c]!, 0), t.id).toBe(factsOf(t).length);
    }
    // The whole-library line is the sum of the rows.
    const footer = table.querySelector('tfoot tr')!;
    const rows = [...table.querySelectorAll<HTMLElement>('tbody tr')].map(countsIn);
    for (const c of COLUMNS) expect(Number(footer.querySelector(`td[data-column="${c}"]`)!.textContent), c).toBe(rows.reduce((n, r) => n + r[c]!, 0));
  });

  it('a nurse opens the review list from the procedure\'s name but cannot accept', async () => {
    await signInAs('nurseSession');
    await screenShown();
    await userEvent.click(screen.getByRole('button', { name: `Review ${SIJ.name}` }));
    await coreSettled();
    const heading = screen.getByRole('heading', { name: `Review: ${SIJ.name}, version ${SIJ.version}` });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/Only a physician can accept a fact\./)).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /^Accept after review:/ })).toEqual([]);
  });

  it('a physician accepts a fact with a comment from the keyboard; a blank comment is refused; the counts change', async () => {
    await signInAs('physicianSession');
    await screenShown();
    const before = countsIn(rowOf(SIJ.name));
    const user = userEvent.setup();
    screen.getByRole('button', { name: `Review ${SIJ.name}` }).focus();
    await user.keyboard('{Enter}');
    await coreSettled();
    expect(screen.getByRole('button', { name: `Review ${SIJ.name}` }).getAttribute('aria-current')).toBe('true');

    const fact = factsOf(SIJ).find((f) => baseEvidence(f) === 'needs-review')!;
    const item = screen.getByRole('list', { name: `Facts to review in ${SIJ.name}` }).querySelector<HTMLElement>(`li[data-fact-id="${fact.id}"]`)!;
    await user.click(within(item).getByRole('button', { name: /^Accept after review:/ }));
    const comment = within(item).getByLabelText('Why this is acceptable for this clinic');
    expect(document.activeElement).toBe(comment);
    await user.type(comment, '   ');
    await user.click(within(item).getByRole('button', { name: 'Accept fact' }));
    await coreSettled();
    expect(within(item).getByText('Say why this fact is acceptable for this clinic.')).toBeTruthy();
    expect((await api().call('library.get', { templateId: SIJ.id, version: SIJ.version })).reviews.some((r) => r.factId === fact.id)).toBe(false);

    await user.clear(comment);
    await user.type(comment, 'Our SI joint protocol says the same.{Tab}');
    await user.keyboard('{Enter}');
    await coreSettled();
    expect(within(item).getByText(/^Accepted for this clinic by Dr Pat Physician \(physician\) on \d{4}-\d{2}-\d{2}/).textContent).toContain('Our SI joint protocol says the same.');
    expect(document.activeElement).toBe(item);
    expect(countsIn(rowOf(SIJ.name))).toEqual({ ...before, awaitingReview: before.awaitingReview! - 1, accepted: before.accepted! + 1 });
    const stored = (await api().call('library.get', { templateId: SIJ.id, version: SIJ.version })).reviews.find((r) => r.factId === fact.id);
    expect(stored).toMatchObject({ comment: 'Our SI joint protocol says the same.', acceptedBy: { name: 'Dr Pat Physician' } });
  });
});
