import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { WorklistRow } from '#shared/contract/encounter';
import { patientName } from '#shared/note/format';
import { STATE_LABELS } from '#shared/workflow/states';
import { useNavigation } from '../stores/navigation';

const DECISIONS = { consents: 'Consents', declines: 'Declines', defers: 'Defers' } as const;

/**
 * Up to this many rows are all in the page, as before: a day's list, or a search,
 * is read in full by screen readers and found by the browser's find. Beyond it
 * (a long search, a busy day at a large practice) only the rows in view and a
 * margin are rendered, so a list of 100,000 costs what a list of 50 does.
 */
export const VIRTUALIZE_ABOVE = 150;
/** A row with its two-line procedure cell; measured rows replace the estimate. */
const ESTIMATED_ROW_PX = 62;

/**
 * One worklist row. Memoised: typing in the filters re-renders the screen, and
 * rows whose data did not change need not be rendered again.
 */
const Row = memo(function Row({ row, time, index, measure }: { row: WorklistRow; time?: string | undefined; index?: number; measure?: (node: HTMLTableRowElement | null) => void }) {
  const go = useNavigation((s) => s.go);
  const name = patientName(row.patient);
  const open = () => go({ name: 'encounter', encounterId: row.encounter.id });
  return (
    // In a long list, data-index and the ref let the virtualiser measure the row (long procedure names wrap).
    // The whole row opens the encounter on click and on Enter (issue 18); the Open button stays for screen readers.
    <tr ref={measure} data-index={index} aria-rowindex={index === undefined ? undefined : index + 2} className="clickable" tabIndex={0}
      onClick={open} onKeyDown={(e) => { if (e.key === 'Enter' && e.target === e.currentTarget) open(); }}>
      <td>
        {name}
        {/* Each part whole on its line at 1366 px: an MRN or a date broken at its hyphen is misread. */}
        <div className="muted"><span className="nowrap">MRN {row.patient.mrn} ·</span> <span className="nowrap">born {row.patient.birthDate}</span></div>
      </td>
      <td>
        {row.templateName}
        <div className="muted">
          {[row.encounter.levels.join(', '), row.encounter.laterality].filter(Boolean).join(' · ')}
        </div>
      </td>
      <td className="nowrap">
        {row.encounter.plannedDate}
        {time && <div className="muted">Booked {time}</div>}
      </td>
      <td>
        <span className={`state-badge ${row.encounter.state}`}>{STATE_LABELS[row.encounter.state]}</span>
        <AnticoagulantFlag verdict={row.anticoagulant} />
      </td>
      <td className="nowrap">
        <progress max={row.progress.total} value={row.progress.done} aria-label={`Checklist progress for ${name}`} />{' '}
        {row.progress.done}/{row.progress.total}
      </td>
      <td>{row.decision ? DECISIONS[row.decision] : '—'}</td>
      <td>
        <button type="button" className="primary" onClick={(e) => { e.stopPropagation(); open(); }}
          aria-label={`Open encounter for ${name}, ${row.templateName}`}>
          Open
        </button>
      </td>
    </tr>
  );
});

/** The anticoagulant verdict on the row, when there is something to act on: a hard stop, a planned start to enter, a decision. */
function AnticoagulantFlag({ verdict }: { verdict: WorklistRow['anticoagulant'] }) {
  if (verdict.status === 'none' || verdict.status === 'clear') return null;
  const label = verdict.status === 'hard-stop' ? 'Anticoagulant hard stop' : verdict.status === 'needs-planned-start' ? 'Anticoagulant: enter planned start' : 'Anticoagulant: decision needed';
  return (
    <div className={`anticoag-flag ${verdict.status}`} title={verdict.text}>
      <strong>{label}</strong>
      <span className="visually-hidden">: {verdict.text}</span>
      {verdict.status === 'hard-stop' && <div>{verdict.drugs.filter((d) => d.hardStop).map((d) => d.drugName).join(', ')}</div>}
    </div>
  );
}

/** The rows that are on screen (and a margin), between two spacer rows that keep the scroll height. */
function VirtualBody({ rows, times }: { rows: readonly WorklistRow[]; times: ReadonlyMap<string, string> }) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the list starts on the page: the window scrolls, the list is part of it. Read when the
  // long list appears and on resize, not on every update: reading it forces a layout mid-commit,
  // and a line appearing above (an error) moves it less than the rows rendered beyond the view.
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop((body.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => ESTIMATED_ROW_PX, overscan: 8, scrollMargin: top });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0]!.start - top : 0;
  const after = items.length ? virtualizer.getTotalSize() - (items.at(-1)!.end - top) : 0;
  return (
    <tbody ref={body}>
      {before > 0 && <tr aria-hidden="true" className="spacer"><td colSpan={7} style={{ height: before, padding: 0, border: 0 }} /></tr>}
      {items.map((item) => (
        <Row key={rows[item.index]!.encounter.id} row={rows[item.index]!} time={times.get(rows[item.index]!.encounter.id)} index={item.index} measure={virtualizer.measureElement} />
      ))}
      {after > 0 && <tr aria-hidden="true" className="spacer"><td colSpan={7} style={{ height: after, padding: 0, border: 0 }} /></tr>}
    </tbody>
  );
}

/** `times`: the appointment time of encounters started from the EHR's schedule, by encounter id. */
export function WorklistRows({ rows, times = new Map() }: { rows: readonly WorklistRow[]; times?: ReadonlyMap<string, string> }) {
  if (rows.length > VIRTUALIZE_ABOVE) return <VirtualBody rows={rows} times={times} />;
  return (
    <tbody>
      {rows.map((row) => <Row key={row.encounter.id} row={row} time={times.get(row.encounter.id)} />)}
    </tbody>
  );
}
