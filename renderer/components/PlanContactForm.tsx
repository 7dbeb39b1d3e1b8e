import { useState, type FormEvent } from 'react';
import type { FollowUpPlan, ScheduleFollowUpInput } from '#shared/contract/follow-up-plan';
import type { FormResult } from '../api/client';
import { isDateText } from '#shared/domain/field-format';
import { dateError, DateField } from './DateField';
import { useFormSave } from './useFormSave';
import { VoidControl } from './VoidControl';

/**
 * Planning the next contact (a date that may be weeks ahead), apart from
 * recording what the patient reported. Open plans are listed with who made them;
 * a plan made in error is voided with a reason.
 */
export function PlanContactForm({ encounterId, procedure, plans, onSubmit, onVoid }: {
  encounterId: string;
  procedure: string;
  plans: readonly FollowUpPlan[];
  onSubmit: (input: ScheduleFollowUpInput) => Promise<FormResult>;
  onVoid: (id: string, reason: string) => Promise<FormResult>;
}) {
  const [dueDate, setDueDate] = useState('');
  const [how, setHow] = useState<'phone' | 'visit'>('phone');
  const [notes, setNotes] = useState('');
  const { errors, busy, savedAt, check, save } = useFormSave();
  const open = plans.filter((p) => !p.voided && !p.done);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!check(isDateText(dueDate) ? {} : { dueDate: dateError('the date of the contact') })) return;
    await save(() => onSubmit({ encounterId, dueDate: dueDate.trim(), how, notes }), () => {
      setDueDate('');
      setNotes('');
      return `Planned for ${dueDate}`;
    });
  }

  return (
    <form className="plan-contact" aria-label={`Plan the next contact: ${procedure}`} onSubmit={(e) => void submit(e)}>
      <div className="plan-head">
      <h3>Next contact</h3>
      {open.length === 0 && <p className="muted">No contact planned.</p>}
      </div>
      {open.length > 0 && (
        <ul>
          {open.map((p) => (
            <li key={p.id}>
              {p.how === 'phone' ? 'Call' : 'Visit'} on {p.dueDate}, planned by {p.by.name}{p.notes ? `: ${p.notes}` : ''}{' '}
              <VoidControl what={`planned contact of ${p.dueDate}`} onVoid={(reason) => onVoid(p.id, reason)} />
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <DateField label="Date (may be in the future)" value={dueDate} onChange={setDueDate} error={errors.dueDate} />
        <label>
          How
          <select value={how} onChange={(e) => setHow(e.target.value as 'phone' | 'visit')}>
            <option value="phone">Phone call</option>
            <option value="visit">Visit</option>
          </select>
        </label>
        <label className="grow">
          Notes
          <input value={notes} onChange={(e) => setNotes(e.target.value)} aria-invalid={!!errors.notes} />
          {errors.notes && <span className="error">{errors.notes}</span>}
        </label>
        {/* On the fields' row (issue 18: the outcomes screen within 3 viewport heights). */}
        <button type="submit" className="secondary" disabled={busy}>Plan the contact</button>
      </div>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {savedAt && <p role="status">{savedAt}</p>}
    </form>
  );
}
