// Issue 18 point 6 (3 viewport heights), against the real core: the still-open list names the first
// three open items and folds the rest behind "…and N more"; the count heading says all of them.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coreSettled } from '../testing/core-calls';
import { nurseWithPreProcedureEncounter } from '../testing/signed-in-encounter';
import { EncounterScreen } from './EncounterScreen';

let encounterId = '';

beforeAll(async () => {
  encounterId = await nurseWithPreProcedureEncounter({ mrn: `SO-${Date.now()}`, familyName: 'Achterberg', givenName: 'Lotte', birthDate: '1968-04-21', sex: 'female' }, ['L5-S1']);
});
afterEach(() => cleanup());

describe('the still-open list', () => {
  it('names three, folds the rest behind "…and N more", and the heading counts them all', async () => {
    render(<EncounterScreen encounterId={encounterId} />);
    await coreSettled();
    const list = screen.getByRole('list', { name: 'Still open' });
    const total = Number(within(list.parentElement!).getByText(/Still open before Time-out: \d+$/).textContent.match(/\d+$/)![0]);
    expect(total).toBeGreaterThan(3);
    const named = [...list.children];
    expect(named).toHaveLength(4);
    const fold = named[3]!.querySelector('details')!;
    expect(fold.querySelector('summary')!.textContent).toBe(`…and ${total - 3} more`);
    expect(fold.open).toBe(false);
    // Every open item is in the list, the folded ones too, and the fold opens with a click.
    expect(fold.querySelectorAll('li')).toHaveLength(total - 3);
    await userEvent.click(fold.querySelector('summary')!);
    expect(fold.open).toBe(true);
  });
});
