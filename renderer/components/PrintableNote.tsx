import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useChartExports } from '../stores/chart-exports';
import { NoteBlockView } from './NoteBlockView';

/**
 * The note laid out for the printer: the same content model as the PDF (the
 * signed copy with its addenda, or the draft marked unsigned), outside the app
 * root so print CSS shows only it. The patient's name, MRN and date of birth
 * repeat on every page (a table header group repeats on each printed page) and the
 * page margin shows "Page X of Y" (CSS paged media). The print is audited by
 * the core when the content is fetched.
 */
export function PrintableNote() {
  const note = useChartExports((s) => s.printing);
  const done = useChartExports((s) => s.donePrinting);

  useEffect(() => {
    if (!note) return;
    const after = () => done();
    window.addEventListener('afterprint', after);
    // Let React commit the portal before the print dialog snapshots the page.
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', after);
    };
  }, [note, done]);

  if (!note) return null;
  const { patientName, mrn, birthDate } = note.runningHeader;
  return createPortal(
    <article className="print-note" aria-label="Note for printing">
      {/* A table's header group repeats at the top of every printed page. */}
      <table className="print-page" role="presentation">
        <thead><tr><td className="print-running-header">{patientName} · MRN {mrn} · DOB {birthDate}</td></tr></thead>
        <tbody>
          <tr>
            <td>
              <h1>{note.title}</h1>
              {note.sections.map((s, i) => (
                <section key={i}>
                  <h2>{s.heading}</h2>
                  {s.blocks.map((b, j) => <NoteBlockView key={j} block={b} />)}
                </section>
              ))}
            </td>
          </tr>
        </tbody>
      </table>
    </article>,
    document.body,
  );
}
