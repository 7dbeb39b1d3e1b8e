import { useEffect, useState } from 'react';
import { useDayTeam } from '../stores/day-team';
import { useSession } from '../stores/session';
import { DayTeamDialog } from './DayTeamPicker';
import { TimeOutForm, type TimeOutData, type TimeOutParticipant } from './TimeOutForm';

/**
 * The time-out sign-off as the procedure day uses it: the people start as the team of the day
 * for this workstation's room (each removable, more can be added), so the physician only signs.
 * With no team picked yet, the form offers to pick it and starts from the signed-in user.
 */
export function TimeOutSignOff({ date, onSubmit }: { date: string; onSubmit: (data: TimeOutData, password: string) => Promise<Record<string, string> | null> }) {
  const { room, view, error, load } = useDayTeam();
  const user = useSession((s) => s.user);
  const [picking, setPicking] = useState(false);
  useEffect(() => {
    void load(date);
  }, [load, date, room]);

  const current = view && view.room === room && view.date === date ? view : null;
  if (!current && !error) return <p className="muted" role="status">Loading today&apos;s team…</p>;
  const team: TimeOutParticipant[] = (current?.team?.members ?? []).map(({ name, role }) => ({ name, role }));
  // Whoever signs takes part: first, as before, unless the team already names them.
  const me = user && !team.some((p) => p.name === user.displayName) ? [{ name: user.displayName, role: user.role }] : [];
  return (
    <>
      <TimeOutForm
        key={`${user?.id ?? 'nobody'}|${room}|${current?.team?.at ?? 'none'}`}
        defaultParticipants={[...me, ...team]}
        team={{ room, picked: !!current?.team }}
        onPickTeam={() => setPicking(true)}
        onSubmit={onSubmit}
      />
      {picking && <DayTeamDialog date={date} onClose={() => setPicking(false)} />}
    </>
  );
}
