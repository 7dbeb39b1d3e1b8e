import { useEffect, useState, type ChangeEvent } from 'react';
import { formErrors } from '../api/client';
import { useLibrary } from '../stores/library';
import { offerDownload } from './download';
import { ReviewBacklogTable } from './ReviewBacklogTable';
import { TemplateEditor } from './TemplateEditor';
import { TemplateReview } from './TemplateReview';

/** The review backlog of every procedure; review (accept facts with a comment), edit, import and export. */
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
        Every fact carries its sources, each the original work, and its evidence level. Facts tagged [M] or inferred, and facts resting only on sources with no verified primary source, show “needs clinical review”, and facts known from a secondary source show “secondary source”, until a physician reviewer accepts them for that version with a comment. Once every such fact of a version is accepted, the bedside shows no evidence badges for it. The full source list of a version is under its review.
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
      <ReviewBacklogTable overview={overview} selectedId={mode === 'review' ? (selected?.template.id ?? null) : null}
        onReview={(t) => void open(t.id, t.latestVersion, 'review')}
        onEdit={(t) => void open(t.id, t.latestVersion, 'edit')}
        onExportJson={(t) => void exportJson([t.id])}
        onExportFhir={(t) => void questionnaire(t.id, t.latestVersion).then((json) =>
          offerDownload(`questionnaire_${t.id}_v${t.latestVersion}.json`, new Blob([json], { type: 'application/fhir+json' })))} />
      {selected && (mode === 'review' ? <TemplateReview key={`${selected.template.id}@${selected.template.version}`} /> : <TemplateEditor key={`${selected.template.id}@${selected.template.version}`} onPublished={setStatus} />)}
    </div>
  );
}
