import { useEffect, useMemo } from 'react';
import { useSigning } from '../stores/signing';
import { ChartOutbox } from './ChartOutbox';
import { NoteSigning } from './NoteSigning';
import { ProgressBar } from './ProgressBar';
import { useClinicTime } from './useClinicTime';

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Signs the note and adds addenda (NoteSigning), and exports it as PDF and text
 * from the same content: a signed note exactly as signed, with its addenda. The
 * files are offered as downloads: a browser saves them, Electron asks where to save.
 */
export function ExportPanel() {
  const clock = useClinicTime();
  const exported = useSigning((s) => s.exported);
  const exporting = useSigning((s) => s.exporting);
  const error = useSigning((s) => s.exportError);
  const exportNote = useSigning((s) => s.exportNote);

  const urls = useMemo(() => {
    if (!exported) return null;
    return {
      pdf: URL.createObjectURL(new Blob([base64ToBytes(exported.pdfBase64)], { type: 'application/pdf' })),
      text: URL.createObjectURL(new Blob([exported.text], { type: 'text/plain;charset=utf-8' })),
    };
  }, [exported]);
  useEffect(() => () => {
    if (urls) {
      URL.revokeObjectURL(urls.pdf);
      URL.revokeObjectURL(urls.text);
    }
  }, [urls]);

  return (
    <section className="card export" aria-labelledby="export-heading">
      <h2 id="export-heading">Consent-discussion note</h2>
      <NoteSigning />
      <h3>Export</h3>
      <button type="button" className="primary" disabled={exporting} onClick={() => void exportNote()}>
        {exporting ? 'Exporting…' : 'Export consent-discussion note'}
      </button>
      {exporting && <ProgressBar label="Generating the PDF and the text" />}
      {error && <p role="alert" className="error">{error}</p>}
      {exported && urls && (
        <div aria-live="polite">
          <p>Note generated {clock.dateTime(exported.generatedAt)} (PDF SHA-256 {exported.pdfSha256.slice(0, 12)}…).</p>
          <div className="row">
            <a className="button primary" href={urls.pdf} download={`${exported.fileBaseName}.pdf`}>Save PDF</a>
            <a className="button secondary" href={urls.text} download={`${exported.fileBaseName}.txt`}>Save text</a>
          </div>
          <h3>Text for the EHR</h3>
          <pre className="note-text" tabIndex={0} aria-label="Note text">{exported.text}</pre>
        </div>
      )}
      <ChartOutbox />
    </section>
  );
}
