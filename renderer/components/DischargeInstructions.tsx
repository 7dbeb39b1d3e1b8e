import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EncounterDetail } from '#shared/contract/encounter';

/** What the sheet reads of the encounter. */
type Detail = Pick<EncounterDetail, 'encounter' | 'patient' | 'records' | 'transitions' | 'bleedingRiskRaises'>;
import type { Template } from '#shared/library/schema';
import { SOURCES } from '#shared/library/sources';
import { patientName } from '#shared/note/format';
import { patientTime } from '#shared/domain/clinic-time';
import { REVIEW_NOTE, type InstructionLine } from '#shared/workflow/discharge-instructions';
import { dischargeLines, lineNeedsReview as needsReview } from '#shared/workflow/discharge-lines';
import { EvidenceBadges } from './EvidenceBadges';
import { PatientHandout } from './PatientHandout';

const CITATIONS = SOURCES.map((s) => ({ id: s.id, citation: s.citation }));

interface Props {
  template: Template;
  detail: Detail;
  settings: { inrThreshold: number | null; timeZone: string };
  now: string;
}

/** The lines for this encounter: the template's warning signs, then each held blood thinner's restart. */
const linesOf = ({ template, detail, settings, now }: Props) => dischargeLines(template, detail, settings, now);

function Line({ line, badges }: { line: InstructionLine; badges: boolean }) {
  return (
    <li>
      {line.drug && <strong className="instruction-drug">{line.drug}: </strong>}
      {line.text}
      {needsReview(line) && !badges && ' *'}
      {line.when && <span className="instruction-when">{line.when}</span>}
      {badges && <> <EvidenceBadges sources={line.sources} citations={CITATIONS} /></>}
    </li>
  );
}

/** The patient's take-home sheet, as the printer lays it out (print.css shows only it on paper). */
function PrintSheet(props: Props & { lines: ReturnType<typeof linesOf> }) {
  const { template, detail, settings, now, lines } = props;
  const review = [...lines.signs, ...lines.restart].some(needsReview);
  return (
    <article className="print-instructions" aria-label="Going-home instructions for printing">
      <h1>Going home after your {template.name.toLowerCase()}</h1>
      <p>
        {patientName(detail.patient)} · MRN {detail.patient.mrn} · {patientTime(Date.parse(now), settings.timeZone)}
      </p>
      <h2>Warning signs</h2>
      <ul>{lines.signs.map((l) => <Line key={l.id} line={l} badges={false} />)}</ul>
      {lines.restart.length > 0 && (
        <>
          <h2>Your blood thinners</h2>
          <ul>{lines.restart.map((l) => <Line key={l.id} line={l} badges={false} />)}</ul>
        </>
      )}
      <p className="instruction-phone">Clinic phone: ______________________ · Emergency: 911</p>
      {review && <p className="instruction-review">{REVIEW_NOTE}</p>}
    </article>
  );
}

/**
 * The discharge instructions for this procedure on screen, with their sources, and printed
 * for the patient in plain words (shared/workflow/discharge-instructions.ts): the warning signs,
 * no driving after sedation, and each held blood thinner's restart time in the clinic's zone.
 */
export function DischargeInstructions(props: Props) {
  const lines = linesOf(props);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!printing) return;
    const after = () => setPrinting(false);
    window.addEventListener('afterprint', after);
    // Let React commit the portal before the print dialog snapshots the page.
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', after);
    };
  }, [printing]);

  return (
    <section className="card discharge-instructions" aria-labelledby="discharge-instructions-heading">
      <h3 id="discharge-instructions-heading">Going-home instructions</h3>
      {/* Folded to a 44 px summary (issue 18: each part within 3 viewport heights); the printed sheet holds them all. */}
      <details className="fold">
        <summary>
          {lines.signs.length} warning signs{lines.restart.length > 0 ? `, when to restart ${lines.restart.length} blood thinner(s)` : ''} ▸
        </summary>
        <ul className="instruction-lines">{lines.signs.map((l) => <Line key={l.id} line={l} badges />)}</ul>
        {lines.restart.length > 0 && (
          <>
            <h4>Blood thinners</h4>
            <ul className="instruction-lines">{lines.restart.map((l) => <Line key={l.id} line={l} badges />)}</ul>
          </>
        )}
      </details>
      <button type="button" className="primary" onClick={() => setPrinting(true)}>Print for the patient</button>
      <PatientHandout encounterId={props.detail.encounter.id} patientLanguage={props.detail.patient.language} />
      {printing && createPortal(<PrintSheet {...props} lines={lines} />, document.body)}
    </section>
  );
}
