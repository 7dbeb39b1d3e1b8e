import { useRef, useState, type FormEvent } from 'react';
import { LanguageSelect } from './LanguageSelect';
import type { Patient } from '#shared/contract/patient';
import { patientName } from '#shared/note/format';
import { useWorklist } from '../stores/worklist';
import { useFormSave } from './useFormSave';
import { DateField } from './DateField';

type Sex = Patient['sex'];

/** Find an existing patient by name or MRN, or register a new one. */
export function PatientPicker({ selected, onSelect }: { selected: Patient | null; onSelect: (p: Patient) => void }) {
  const { searchPatients, createPatient } = useWorklist();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Patient[]>([]);
  const [registering, setRegistering] = useState(false);
  const [form, setForm] = useState({ mrn: '', familyName: '', givenName: '', birthDate: '', sex: 'unknown' as Sex, language: '' });
  const { errors, run } = useFormSave();

  const searchSeq = useRef(0);

  async function search(text: string) {
    setQuery(text);
    const seq = ++searchSeq.current;
    const found = text.trim() ? await searchPatients(text.trim()) : [];
    // Only the answer to the latest keystroke is shown.
    if (seq === searchSeq.current) setResults(found);
  }

  async function register(event: FormEvent) {
    event.preventDefault();
    let patient: Patient | undefined;
    await run(async () => { patient = await createPatient({ ...form, language: form.language || null }); });
    if (!patient) return;
    setRegistering(false);
    onSelect(patient);
  }

  const field = (key: keyof typeof form, label: string) => (
    <label>
      {label}
      <input
        type="text"
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        aria-invalid={!!errors[key]}
        aria-describedby={errors[key] ? `err-${key}` : undefined}
      />
      {errors[key] && <span id={`err-${key}`} className="error">{errors[key]}</span>}
    </label>
  );

  return (
    <div className="patient-picker">
      <label>
        Find patient for the encounter
        <input type="search" value={query} onChange={(e) => void search(e.target.value)} placeholder="Name or MRN" />
      </label>
      {results.length > 0 && (
        <ul className="results" aria-label="Matching patients">
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" aria-pressed={selected?.id === p.id} onClick={() => onSelect(p)}>
                {patientName(p)} · MRN {p.mrn} · DOB {p.birthDate}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!registering ? (
        <button type="button" className="secondary" onClick={() => setRegistering(true)}>Register new patient</button>
      ) : (
        <form onSubmit={(e) => void register(e)} aria-label="Register patient" className="subform">
          {field('mrn', 'MRN')}
          {field('familyName', 'Family name')}
          {field('givenName', 'Given name')}
          <DateField label="Date of birth" value={form.birthDate} onChange={(birthDate) => setForm({ ...form, birthDate })} error={errors.birthDate} />
          <label>
            Sex
            <select value={form.sex} onChange={(e) => setForm({ ...form, sex: e.target.value as Sex })}>
              <option value="female">Female</option>
              <option value="male">Male</option>
              <option value="other">Other</option>
              <option value="unknown">Unknown</option>
            </select>
          </label>
          <LanguageSelect label="Preferred language" value={form.language} emptyLabel="Not recorded" onChange={(language) => setForm({ ...form, language })} />
          {errors.form && <p role="alert" className="error">{errors.form}</p>}
          <div className="row">
            <button type="submit" className="primary">Save patient</button>
            <button type="button" className="secondary" onClick={() => setRegistering(false)}>Cancel</button>
          </div>
        </form>
      )}
    </div>
  );
}
