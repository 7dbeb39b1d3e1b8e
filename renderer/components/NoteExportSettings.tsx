import { useEffect, useState, type FormEvent } from 'react';
import { NOTE_FIELD_LABELS, OPTIONAL_NOTE_FIELDS, type InteropSettings, type NoteFieldsOff, type OptionalNoteField } from '#shared/contract/settings';
import { formErrors } from '../api/client';
import { useUsers } from '../stores/users';
import { useFormSave } from './useFormSave';
import { fromMappingDraft, SiteMappingFields, toMappingDraft, type MappingDraft } from './SiteMappingFields';

type TextKey = 'documentTypeLoinc' | 'sendingApplication' | 'sendingFacility' | 'receivingApplication' | 'receivingFacility' | 'mrnAssigningAuthority';
type SystemKey = 'mrnSystem' | 'providerIdSystem' | 'visitNumberSystem';
type OrgKey = 'name' | 'system' | 'value';

/** The identifier systems: no default; the MRN system is required before any export (a made-up one duplicates patients). */
const SYSTEM_FIELDS: { key: SystemKey; label: string; hint: string }[] = [
  { key: 'mrnSystem', label: 'MRN system (required before export)', hint: "The receiving EHR's own MRN system, e.g. urn:oid:… or https://…: FHIR Patient.identifier.system and PID-3's assigning authority" },
  { key: 'providerIdSystem', label: 'Local provider id system', hint: "Needed only for clinicians with a local id and no NPI: Practitioner.identifier.system and the XCN's assigning authority" },
  { key: 'visitNumberSystem', label: 'Visit number system', hint: "The EHR's visit or account numbers: the note's Encounter reference and PV1-19's authority" },
];
const ORG_FIELDS: { key: OrgKey; label: string; hint?: string }[] = [
  { key: 'name', label: 'Organization name (required before export)' },
  { key: 'system', label: "Organization identifier's system", hint: 'e.g. http://hl7.org/fhir/sid/us-npi for the group NPI, or the EHR’s organization system' },
  { key: 'value', label: "Organization's identifier" },
];
const TEXT_FIELDS: { key: TextKey; label: string; hint?: string }[] = [
  { key: 'documentTypeLoinc', label: 'Document type (LOINC)', hint: '59284-0 Consent Document by default; 11505-5, 28570-0 and others if the chart expects them' },
  { key: 'sendingApplication', label: 'HL7 sending application (MSH-3)' },
  { key: 'sendingFacility', label: 'HL7 sending facility (MSH-4)' },
  { key: 'receivingApplication', label: 'HL7 receiving application (MSH-5)' },
  { key: 'receivingFacility', label: 'HL7 receiving facility (MSH-6)' },
  { key: 'mrnAssigningAuthority', label: 'HL7 MRN assigning authority namespace (PID-3.4)' },
];

type Draft = Record<TextKey | SystemKey, string> & { org: Record<OrgKey, string>; edFormat: InteropSettings['edFormat']; mapping: MappingDraft };

function toDraft(interop: InteropSettings): Draft {
  return {
    ...interop,
    mrnSystem: interop.mrnSystem ?? '', providerIdSystem: interop.providerIdSystem ?? '', visitNumberSystem: interop.visitNumberSystem ?? '',
    org: { name: interop.organization?.name ?? '', system: interop.organization?.system ?? '', value: interop.organization?.value ?? '' },
    mapping: toMappingDraft(interop),
  };
}

/** Empty system fields are unset; an Organization with every field empty is unset, a partial one is sent for the core to refuse by field. */
function fromDraft({ org, mapping, ...draft }: Draft): InteropSettings {
  const orNull = (v: string) => (v.trim() ? v.trim() : null);
  return {
    ...draft,
    ...fromMappingDraft(mapping),
    mrnSystem: orNull(draft.mrnSystem), providerIdSystem: orNull(draft.providerIdSystem), visitNumberSystem: orNull(draft.visitNumberSystem),
    organization: org.name.trim() || org.system.trim() || org.value.trim() ? { name: org.name.trim(), system: org.system.trim(), value: org.value.trim() } : null,
  };
}

function Field({ label, hint, value, error, onChange }: { label: string; hint?: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error} />
      {hint && <span className="hint">{hint}</span>}
      {error && <span className="error">{error}</span>}
    </label>
  );
}

/** The administrator's settings for the chart: the outbox folder and the identifiers the receiving systems match on. */
export function OutboxSettingsForm() {
  const settings = useUsers((s) => s.settings)!;
  const save = useUsers((s) => s.saveSettings);
  const [folder, setFolder] = useState(settings.outboxFolder ?? '');
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings.interop));
  const { errors, savedAt, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => save({ outboxFolder: folder.trim() ? folder.trim() : null, interop: fromDraft(draft) }));
  }
  const fieldError = (key: string) => errors[key] ?? errors[`interop.${key}`];
  const orgError = (key: OrgKey) => fieldError(`organization.${key}`) ?? (key === 'name' ? fieldError('organization') : undefined);

  return (
    <form className="card" aria-label="Chart exports" onSubmit={(e) => void submit(e)}>
      <h2>Chart exports</h2>
      <label>
        Outbox folder (absolute path; the integration engine or records staff pick exports up here)
        <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="not set" aria-invalid={!!errors.outboxFolder} />
        {errors.outboxFolder && <span className="error">{errors.outboxFolder}</span>}
      </label>
      {SYSTEM_FIELDS.map((f) => (
        <Field key={f.key} label={f.label} hint={f.hint} value={draft[f.key]} error={fieldError(f.key)} onChange={(v) => setDraft({ ...draft, [f.key]: v })} />
      ))}
      <fieldset>
        <legend>The clinic as an Organization (the note&apos;s custodian)</legend>
        {ORG_FIELDS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint} value={draft.org[f.key]} error={orgError(f.key)} onChange={(v) => setDraft({ ...draft, org: { ...draft.org, [f.key]: v } })} />
        ))}
      </fieldset>
      {TEXT_FIELDS.map((f) => (
        <Field key={f.key} label={f.label} hint={f.hint} value={draft[f.key]} error={fieldError(f.key)} onChange={(v) => setDraft({ ...draft, [f.key]: v })} />
      ))}
      <fieldset>
        <legend>PDF inside the HL7 message (OBX-5)</legend>
        {(['mime', 'hl7'] as const).map((format) => (
          <label key={format} className="choice">
            <input type="radio" name="ed-format" checked={draft.edFormat === format} onChange={() => setDraft({ ...draft, edFormat: format })} />
            {format === 'mime' ? 'application/pdf (MIME type)' : 'AP/PDF (HL7 table codes)'}
          </label>
        ))}
      </fieldset>
      <SiteMappingFields draft={draft.mapping} onChange={(mapping) => setDraft({ ...draft, mapping })} error={fieldError} />
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
