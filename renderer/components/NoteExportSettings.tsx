import { useEffect, useState, type FormEvent } from 'react';
import { NOTE_FIELD_LABELS, OPTIONAL_NOTE_FIELDS, type InteropSettings, type NoteFieldsOff, type OptionalNoteField } from '#shared/contract/settings';
import { formErrors } from '../api/client';
import { useUsers } from '../stores/users';
import { useFormSave } from './useFormSave';

const INTEROP_FIELDS: { key: keyof InteropSettings; label: string; hint?: string }[] = [
  { key: 'mrnSystem', label: 'MRN system (URI of the assigning authority)', hint: 'FHIR Patient.identifier.system, e.g. urn:oid:… from the hospital' },
  { key: 'documentTypeLoinc', label: 'Document type (LOINC)', hint: '59284-0 Consent Document by default; 11505-5, 28570-0 and others if the chart expects them' },
  { key: 'sendingApplication', label: 'HL7 sending application (MSH-3)' },
  { key: 'sendingFacility', label: 'HL7 sending facility (MSH-4)' },
  { key: 'receivingApplication', label: 'HL7 receiving application (MSH-5)' },
  { key: 'receivingFacility', label: 'HL7 receiving facility (MSH-6)' },
  { key: 'mrnAssigningAuthority', label: 'HL7 MRN assigning authority (PID-3.4)' },
];

/** The administrator's settings for the chart: the outbox folder and the identifiers the receiving systems match on. */
export function OutboxSettingsForm() {
  const settings = useUsers((s) => s.settings)!;
  const save = useUsers((s) => s.saveSettings);
  const [folder, setFolder] = useState(settings.outboxFolder ?? '');
  const [interop, setInterop] = useState<InteropSettings>(settings.interop);
  const { errors, savedAt, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => save({ outboxFolder: folder.trim() ? folder.trim() : null, interop }));
  }
  const fieldError = (key: string) => errors[key] ?? errors[`interop.${key}`];

  return (
    <form className="card" aria-label="Chart exports" onSubmit={(e) => void submit(e)}>
      <h2>Chart exports</h2>
      <label>
        Outbox folder (absolute path; the integration engine or records staff pick exports up here)
        <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="not set" aria-invalid={!!errors.outboxFolder} />
        {errors.outboxFolder && <span className="error">{errors.outboxFolder}</span>}
      </label>
      {INTEROP_FIELDS.map((f) => (
        <label key={f.key}>
          {f.label}
          <input value={interop[f.key]} onChange={(e) => setInterop({ ...interop, [f.key]: e.target.value })} aria-invalid={!!fieldError(f.key)} />
          {f.hint && <span className="hint">{f.hint}</span>}
          {fieldError(f.key) && <span className="error">{fieldError(f.key)}</span>}
        </label>
      ))}
      <fieldset>
        <legend>PDF inside the HL7 message (OBX-5)</legend>
        {(['mime', 'hl7'] as const).map((format) => (
          <label key={format} className="choice">
            <input type="radio" name="ed-format" checked={interop.edFormat === format} onChange={() => setInterop({ ...interop, edFormat: format })} />
            {format === 'mime' ? 'application/pdf (MIME type)' : 'AP/PDF (HL7 table codes)'}
          </label>
        ))}
      </fieldset>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {savedAt && <p role="status">Chart export settings saved.</p>}
      <button type="submit" className="primary">Save chart export settings</button>
    </form>
  );
}

/** Optional note fields per procedure: switched off, the note lists them as not used rather than leaving them out. */
export function NoteFieldsForm() {
  const settings = useUsers((s) => s.settings)!;
  const templates = useUsers((s) => s.templates);
  const loadTemplates = useUsers((s) => s.loadTemplates);
  const save = useUsers((s) => s.saveSettings);
  const [off, setOff] = useState<NoteFieldsOff>(settings.noteFieldsOff);
  const { errors, savedAt, run } = useFormSave();
  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates]);

  const toggle = (templateId: string, field: OptionalNoteField, used: boolean) => {
    const current = new Set(off[templateId] ?? []);
    if (used) current.delete(field);
    else current.add(field);
    setOff({ ...off, [templateId]: OPTIONAL_NOTE_FIELDS.filter((f) => current.has(f)) });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => save({ noteFieldsOff: off }), { toErrors: (e) => ({ form: formErrors(e).form ?? 'Not saved.' }) });
  }

  return (
    <form className="card" aria-label="Note fields per procedure" onSubmit={(e) => void submit(e)}>
      <h2>Note fields per procedure</h2>
      <p className="hint">Untick a field the clinic does not use for a procedure. The note then lists it under “Fields not used”, so a reader knows it was not used rather than forgotten. Risks, benefits, alternatives, the decision, the FDA statement for epidural steroids and the attestation are always in the note.</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr><th scope="col">Procedure</th>{OPTIONAL_NOTE_FIELDS.map((f) => <th key={f} scope="col">{NOTE_FIELD_LABELS[f]}</th>)}</tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                {OPTIONAL_NOTE_FIELDS.map((f) => (
                  <td key={f}>
                    <label className="cell-check">
                      <input type="checkbox" aria-label={`${NOTE_FIELD_LABELS[f]} used for ${t.name}`} checked={!(off[t.id] ?? []).includes(f)}
                        onChange={(e) => toggle(t.id, f, e.target.checked)} />
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.form ? <p role="alert" className="error">{errors.form}</p> : savedAt && <p role="status">Note fields saved.</p>}
      <button type="submit" className="primary">Save note fields</button>
    </form>
  );
}
