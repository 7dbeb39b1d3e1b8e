import { SOURCES } from '#shared/library/sources';
import type { SteroidCheck } from '#shared/workflow/steroid-warning';
import { EvidenceBadges } from './EvidenceBadges';

const CITATIONS = SOURCES.map((s) => ({ id: s.id, citation: s.citation }));

const HEADINGS: Partial<Record<SteroidCheck['status'], (check: SteroidCheck) => string>> = {
  'hard-stop': (c) => `Hard stop at the time-out: particulate steroid for ${c.rule!.route}.`,
  confirm: (c) => `Not recognised: a physician must confirm it is nonparticulate before ${c.rule!.route}.`,
  caution: (c) => `Caution: ${c.steroid?.particulate === true ? 'particulate steroid' : 'steroid not recognised'} for ${c.rule!.route}.`,
};

/**
 * The steroid check as the team reads it: a hard stop and a required confirmation as an
 * alert, a caution as a notice, anything else as a plain status line; each with its sources.
 */
export function SteroidCheckNotice({ check, live = false }: { check: SteroidCheck; live?: boolean }) {
  if (check.status === 'no-plan') return null;
  const heading = HEADINGS[check.status]?.(check);
  const badges = check.sources.length > 0 && <EvidenceBadges sources={check.sources} citations={CITATIONS} />;
  if (check.status === 'hard-stop' || check.status === 'confirm') {
    return (
      <div role="alert" className="steroid-warning" data-status={check.status}>
        <strong>{heading}</strong>
        <p>{check.message}</p>
        {badges}
        <p className="muted">
          {check.status === 'hard-stop'
            ? `${live ? 'Saved as planned, this' : 'This'} stops the move from the time-out to the procedure: plan a nonparticulate steroid, or a physician overrides with a reason.`
            : 'The time-out cannot end until a physician confirms the product, signed with their password.'}
        </p>
      </div>
    );
  }
  if (check.status === 'caution') {
    return (
      <div role="status" className="steroid-caution" data-status={check.status}>
        <strong>{heading}</strong>
        <p>{check.message}</p>
        {badges}
        <p className="muted">A caution: it does not stop the time-out.</p>
      </div>
    );
  }
  return (
    <div role="status" className="steroid-ok" data-status={check.status}>
      <p>{check.message}</p>
      {badges}
    </div>
  );
}
