import { useEffect, useState, type ChangeEvent } from 'react';
import { formErrors } from '../api/client';
import { useLibrary } from '../stores/library';
import { offerDownload } from './download';
import { TemplateEditor } from './TemplateEditor';
import { TemplateReview } from './TemplateReview';

/** Templates with version, review status and evidence; review, edit, import and export. */
export function LibraryScreen() {
  const { overview, error, load, select, selected, exportLibrary, importLibrary, questionnaire } = useLibrary();
  const [mode, setMode] = useState<'review' | 'edit'>('review');
  const [status, setStatus] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<{ path: string; message: string }[]>([]);

  useEffect(() => {
    void load();
  }, [load]);

  async function open(id: string, version: number, next: 'review' | 'edit') {
    await select(id, version);
    setMode(next);
  }

  async function exportJson(ids?: string[]) {
    const { document, fileBaseName } = await exportLibrary(ids);
    offerDownload(`${fileBaseName}.json`, new Blob([document], { type: 'application/json' }));
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportErrors([]);
    try {
      const result = await importLibrary(await file.text());
      setStatus(`Imported ${file.name}: ${result.inserted} new template version(s), ${result.unchanged} already present.`);
    } catch (error) {
      const details = (error as { details?: unknown }).details;
      setStatus(`Nothing was imported: ${formErrors(error).form ?? ''}`);
      setImportErrors(Array.isArray(details) ? (details as { path: string; message: string }[]) : []);
    }
  }

  return (
    <div className="library">
      <h1>Procedure library</h1>
      <p className="muted">
        Every fact carries its sources, each the original work, and its evidence level. Facts tagged [M] or inferred, and facts resting only on sources with no verified primary source, show “needs clinical review” until a physician reviewer accepts them for that version. The full source list of a version is under Review.
      </p>
      <div className="row">
        <button type="button" className="secondary" onClick={() => void exportJson()}>Export whole library (JSON)</button>
        <label className="button secondary file-input">
          Import library (JSON)…
          <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      {status && <p role="status">{status}</p>}
      {importErrors.length > 0 && (
        <ul className="error" aria-label="Import problems">
          {importErrors.map((p, i) => <li key={i}><code>{p.path}</code>: {p.message}</li>)}
        </ul>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Procedure</th>
            <th scope="col">Version</th>
            <th scope="col">Evidence [V] / [V2] / [M] / inferred</th>
            <th scope="col">Awaiting review</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {overview.map((t) => (
            <tr key={t.id}>
              <td>{t.name}<div className="muted">{t.category}</div></td>
              <td>v{t.latestVersion}{t.versions.length > 1 ? ` (${t.versions.length} versions)` : ''}</td>
              <td>{t.evidence.V} / {t.evidence.V2} / {t.evidence.M} / {t.evidence.inference}</td>
              <td>{t.awaitingReview}</td>
              <td className="row">
                <button type="button" className="secondary" aria-label={`Review ${t.name}`} onClick={() => void open(t.id, t.latestVersion, 'review')}>Review</button>
                <button type="button" className="secondary" aria-label={`Edit ${t.name}`} onClick={() => void open(t.id, t.latestVersion, 'edit')}>Edit</button>
                <button type="button" className="link" aria-label={`Export ${t.name} as JSON`} onClick={() => void exportJson([t.id])}>JSON</button>
                <button type="button" className="link" aria-label={`Export ${t.name} as a FHIR Questionnaire`}
                  onClick={() => void questionnaire(t.id, t.latestVersion).then((json) =>
                    offerDownload(`questionnaire_${t.id}_v${t.latestVersion}.json`, new Blob([json], { type: 'application/fhir+json' })))}>
                  FHIR
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && (mode === 'review' ? <TemplateReview key={`${selected.template.id}@${selected.template.version}`} /> : <TemplateEditor key={`${selected.template.id}@${selected.template.version}`} onPublished={setStatus} />)}
    </div>
  );
}
