import { useMemo, useState } from 'react';
import { diffTemplates } from '#shared/library/diff';
import { SeveritySchema, FrequencySchema, TemplateSchema, type Evidence, type Risk, type Template } from '#shared/library/schema';
import { formatIssues } from '#shared/contract/dispatcher';
import { formErrors } from '../api/client';
import { useLibrary } from '../stores/library';
import { useSession } from '../stores/session';
import { useFormSave } from './useFormSave';

const EVIDENCE: Evidence[] = ['V', 'V2', 'M', 'inference'];

function slug(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Edits the latest version into a draft: risk wording, adding or removing a risk,
 * the default imaging. The draft is checked by the same schema as everything else,
 * and its changes are shown before it is published as the next version.
 */
export function TemplateEditor({ onPublished }: { onPublished: (message: string) => void }) {
  const selected = useLibrary((s) => s.selected)!;
  const publish = useLibrary((s) => s.publish);
  const role = useSession((s) => s.user?.role);
  const [draft, setDraft] = useState<Template>(selected.template);
  const [reviewing, setReviewing] = useState(false);
  // One line under the editor, a status rather than an alert: the new risk's name, or why publishing failed.
  const { errors, setErrors, run } = useFormSave();
  const message = errors.form;
  const [newRisk, setNewRisk] = useState({ name: '', sourceId: selected.sources[0]?.id ?? '', evidence: 'M' as Evidence });

  const problems = useMemo(() => {
    const parsed = TemplateSchema.safeParse(draft);
    return parsed.success ? [] : formatIssues(parsed.error.issues);
  }, [draft]);
  const changes = useMemo(() => diffTemplates(selected.template, draft), [selected.template, draft]);

  const setRisk = (id: string, patch: Partial<Risk>) => setDraft({ ...draft, risks: draft.risks.map((r) => (r.id === id ? { ...r, ...patch } : r)) });

  function addRisk() {
    const id = slug(newRisk.name);
    if (!id || draft.risks.some((r) => r.id === id)) return setErrors({ form: 'Give the new risk a name not used by another risk.' });
    setDraft({
      ...draft,
      risks: [...draft.risks, {
        id, name: newRisk.name.trim(), clinicianText: newRisk.name.trim(), patientText: newRisk.name.trim(),
        severity: 'minor', frequency: 'unknown', universal: false, sources: [{ sourceId: newRisk.sourceId, evidence: newRisk.evidence }],
      }],
    });
    setNewRisk({ ...newRisk, name: '' });
    setErrors({});
  }

  async function doPublish() {
    await run(async () => {
      const version = await publish(draft, selected.template.version);
      // The editor reopens on the new version, so the message is shown by the library screen.
      onPublished(`Published version ${version}. Encounters already started keep the version they began with.`);
    }, { toErrors: (error) => ({ form: formErrors(error).form ?? 'Not published.' }) });
  }

  return (
    <section className="card" aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit: {draft.name} (from version {selected.template.version})</h2>
      <label>
        Default imaging
        <select value={draft.imaging.options.find((o) => o.isDefault)?.modality}
          onChange={(e) => setDraft({ ...draft, imaging: { ...draft.imaging, options: draft.imaging.options.map((o) => ({ ...o, isDefault: o.modality === e.target.value })) } })}>
          {draft.imaging.options.map((o) => <option key={o.modality} value={o.modality}>{o.modality}</option>)}
        </select>
      </label>
      <h3>Risks to counsel on</h3>
      {draft.risks.map((r) => (
        <fieldset key={r.id} className="risk-edit">
          <legend>{r.name}{r.universal ? ' (always counselled)' : ''}</legend>
          <label>
            Clinician wording: {r.name}
            <textarea rows={2} value={r.clinicianText} onChange={(e) => setRisk(r.id, { clinicianText: e.target.value })} />
          </label>
          <label>
            Patient wording: {r.name}
            <textarea rows={2} value={r.patientText} onChange={(e) => setRisk(r.id, { patientText: e.target.value })} />
          </label>
          <div className="row">
            <label>
              Seriousness
              <select value={r.severity} onChange={(e) => setRisk(r.id, { severity: e.target.value as Risk['severity'] })}>
                {SeveritySchema.options.map((o) => <option key={o}>{o}</option>)}
              </select>
            </label>
            <label>
              How common
              <select value={r.frequency} onChange={(e) => setRisk(r.id, { frequency: e.target.value as Risk['frequency'] })}>
                {FrequencySchema.options.map((o) => <option key={o}>{o}</option>)}
              </select>
            </label>
            {!r.universal && (
              <button type="button" className="link" aria-label={`Remove risk: ${r.name}`} onClick={() => setDraft({ ...draft, risks: draft.risks.filter((x) => x.id !== r.id) })}>
                Remove
              </button>
            )}
          </div>
        </fieldset>
      ))}
      <fieldset className="risk-edit">
        <legend>Add a risk</legend>
        <label>
          New risk name
          <input value={newRisk.name} onChange={(e) => setNewRisk({ ...newRisk, name: e.target.value })} />
        </label>
        <div className="row">
          <label>
            Source
            <select value={newRisk.sourceId} onChange={(e) => setNewRisk({ ...newRisk, sourceId: e.target.value })}>
              {selected.sources.map((s) => <option key={s.id} value={s.id}>{s.citation.slice(0, 90)}</option>)}
            </select>
          </label>
          <label>
            Evidence
            <select value={newRisk.evidence} onChange={(e) => setNewRisk({ ...newRisk, evidence: e.target.value as Evidence })}>
              {EVIDENCE.map((ev) => <option key={ev}>{ev}</option>)}
            </select>
          </label>
          <button type="button" className="secondary" onClick={addRisk}>Add risk</button>
        </div>
      </fieldset>
      {problems.length > 0 && (
        <ul role="alert" className="error" aria-label="Problems with this draft">
          {problems.map((p, i) => <li key={i}><code>{p.path}</code>: {p.message}</li>)}
        </ul>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={problems.length > 0 || changes.length === 0} onClick={() => setReviewing(true)}>
          Review changes ({changes.length})
        </button>
      </div>
      {reviewing && (
        <div aria-label="Changes to publish" role="region">
          <h3>Changes from version {selected.template.version}</h3>
          <ul className="diff">
            {changes.map((c, i) => (
              <li key={i} className={c.kind}>
                {c.kind} <code>{c.path}</code>
                {c.kind === 'changed' && <>: “{String(c.before)}” → “{String(c.after)}”</>}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" disabled={role !== 'physician'} onClick={() => void doPublish()}>
            Publish as version {selected.template.version + 1}
          </button>
          {role !== 'physician' && <p className="muted">Only a physician can publish.</p>}
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
