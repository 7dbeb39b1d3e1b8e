import { useEffect, useState, type FormEvent } from 'react';
import type { DayTeamMemberInput, DayTeamView } from '#shared/contract/day-team';
import { useDayTeam } from '../stores/day-team';
import { useSession } from '../stores/session';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';
import { NameRoleRow, type NameAndRole } from './NameRoleRow';
import { errorAt, formLevel } from './outcome-form-helpers';
import { useFormSave } from './useFormSave';

type Visitor = NameAndRole;

/** "Today's team" as a dialog: the room of this workstation, then the team of that room on `date`. */
export function DayTeamDialog({ date, onClose }: { date: string; onClose: () => void }) {
  const { room, view, error, load } = useDayTeam();
  useEffect(() => {
    void load(date);
  }, [load, date, room]);
  const current = view && view.room === room && view.date === date ? view : null;
  return (
    <Dialog title={`Team of the day, ${date}`} onClose={onClose}>
      <RoomField />
      {error && <p role="alert" className="error">{error}</p>}
      {current ? <DayTeamForm key={`${current.room}|${current.date}|${current.team?.at ?? ''}`} view={current} onSaved={onClose} /> : !error && <p className="muted">Loading…</p>}
    </Dialog>
  );
}

/** Which room this workstation stands in (kept on this computer); changing it shows that room's team. */
function RoomField() {
  const { room, setRoom } = useDayTeam();
  const [draft, setDraft] = useState(room);
  return (
    <label>
      Room of this workstation
      <input type="text" value={draft} maxLength={60} autoComplete="off" onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft.trim() !== room && setRoom(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (draft.trim() !== room) setRoom(draft);
          }
        }} />
    </label>
  );
}

/**
 * The team: a checkbox per active nurse and physician account, and visitors by name and role.
 * Starts from the team already picked for the room and day, else from whoever is signed in.
 */
function DayTeamForm({ view, onSaved }: { view: DayTeamView; onSaved: () => void }) {
  const save = useDayTeam((s) => s.save);
  const user = useSession((s) => s.user);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(
    view.team ? view.team.members.flatMap((m) => (m.userId ? [m.userId] : [])) : view.accounts.filter((a) => a.userId === user?.id).map((a) => a.userId),
  ));
  const [visitors, setVisitors] = useState<Visitor[]>(() => (view.team?.members ?? []).filter((m) => m.kind === 'visitor').map(({ name, role }) => ({ name, role })));
  const form = useFormSave();
  const picked = view.accounts.filter((a) => chosen.has(a.userId));

  function toggle(userId: string, on: boolean) {
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }
  const updateVisitor = (i: number, patch: Partial<Visitor>) => setVisitors((list) => list.map((v, j) => (j === i ? { ...v, ...patch } : v)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const members: DayTeamMemberInput[] = [
      ...picked.map((a) => ({ kind: 'account' as const, userId: a.userId })),
      ...visitors.map((v) => ({ kind: 'visitor' as const, name: v.name.trim(), role: v.role.trim() })),
    ];
    await form.save(() => save(view.date, members), () => onSaved(), 'Not saved');
  }

  // The core names a visitor's fields by their place in the whole list: after the picked accounts.
  const visitorError = (i: number, field: 'name' | 'role') => errorAt(form.errors, `members.${picked.length + i}.${field}`) ?? errorAt(form.errors, `members.${picked.length + i}`);
  const shownFields = visitors.flatMap((_, i) => [`members.${picked.length + i}.name`, `members.${picked.length + i}.role`, `members.${picked.length + i}`]);

  return (
    <form className="record-form day-team-form" aria-label="Team of the day" onSubmit={(e) => void submit(e)} noValidate>
      {view.team && <p className="muted">Picked by {view.team.by.name}; saving replaces it for this room and day.</p>}
      <fieldset>
        <legend>Staff (accounts)</legend>
        {view.accounts.length === 0 && <p className="empty">No active nurse or physician accounts.</p>}
        {view.accounts.map((a) => (
          <label key={a.userId} className="choice">
            <input type="checkbox" checked={chosen.has(a.userId)} onChange={(e) => toggle(a.userId, e.target.checked)} />
            {a.name} <span className="muted">({a.role})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Visitors (no account)</legend>
        <ol className="participants">
          {visitors.map((v, i) => (
            <NameRoleRow key={i} noun="visitor" index={i} value={v} nameError={visitorError(i, 'name')} roleError={visitorError(i, 'role')}
              onChange={(patch) => updateVisitor(i, patch)} onRemove={() => setVisitors((list) => list.filter((_, j) => j !== i))} />
          ))}
        </ol>
        <button type="button" className="secondary" onClick={() => setVisitors((list) => [...list, { name: '', role: '' }])}>Add visitor</button>
      </fieldset>
      <FormFooter errors={formLevel(form.errors, shownFields)} busy={form.busy} submitLabel="Save today's team" doneText={null} />
    </form>
  );
}
