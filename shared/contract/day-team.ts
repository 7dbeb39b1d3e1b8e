/**
 * The team of the day (issue 18, point 4: "The day's team is picked from accounts, plus free
 * names for visitors, once per room and day"). Picked once per procedure room and clinic date,
 * it fills the time-out's list of people, so no one types the team's names at every time-out.
 * Each pick is kept (the latest is the team); who picked it and when is recorded.
 */
import { z } from 'zod';
import { ActorSchema, DateSchema, IdSchema, RoleSchema, TimestampSchema } from './common';
import { CLINICAL, method, type AuditDescribe } from './method-spec';
import { personName, shortText, storedLine } from './text';

/** A procedure room, by the short name the clinic uses ("Procedure room 1"). */
export const RoomSchema = shortText('the room', { min: 1, max: 60, required: 'name the room' });
/** A free name's limits are the time-out's (encounter-records.ts), so a visitor always fits it. */
export const VisitorSchema = z.strictObject({
  kind: z.literal('visitor'),
  name: personName("the visitor's name", { max: 80 }),
  role: shortText("the visitor's role", { min: 1, max: 40, required: "give the visitor's role" }),
});

export const DayTeamMemberInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('account'), userId: IdSchema }),
  VisitorSchema,
]);
export type DayTeamMemberInput = z.infer<typeof DayTeamMemberInputSchema>;

/** A member as the time-out shows it: an account by its current name and role, or a visitor as typed. */
export const DayTeamMemberSchema = z.object({
  kind: z.enum(['account', 'visitor']),
  userId: IdSchema.nullable(),
  name: storedLine,
  role: storedLine,
});
export type DayTeamMember = z.infer<typeof DayTeamMemberSchema>;

/** An account that can be picked: the clinic's active nurses and physicians. */
export const TeamAccountSchema = z.object({ userId: IdSchema, name: storedLine, role: RoleSchema });
export type TeamAccount = z.infer<typeof TeamAccountSchema>;

export const DayTeamViewSchema = z.object({
  room: storedLine,
  date: DateSchema,
  /** The latest pick for this room and date, or null when none has been made. */
  team: z.object({ members: z.array(DayTeamMemberSchema), at: TimestampSchema, by: ActorSchema }).nullable(),
  accounts: z.array(TeamAccountSchema),
});
export type DayTeamView = z.infer<typeof DayTeamViewSchema>;

export const GetDayTeamInputSchema = z.strictObject({ room: RoomSchema, date: DateSchema });

export const SetDayTeamInputSchema = z.strictObject({
  room: RoomSchema,
  date: DateSchema,
  members: z.array(DayTeamMemberInputSchema).max(30, 'a team of at most 30 people').superRefine((members, ctx) => {
    const seen = new Set<string>();
    members.forEach((m, i) => {
      const key = m.kind === 'account' ? `account:${m.userId}` : `visitor:${m.name.toLowerCase()}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'is already on the team' });
      seen.add(key);
    });
  }),
});

const dayTeam: AuditDescribe = (i) => ({ patientId: null, target: `day-team:${String(i.room)}/${String(i.date)}` });

export const DAY_TEAM_METHODS = {
  'dayTeam.get': method({
    summary: "The team of the day for a room and clinic date, and the accounts that can be picked for it.",
    writes: false,
    access: CLINICAL,
    audit: 'none',
    input: GetDayTeamInputSchema,
    output: DayTeamViewSchema,
  }),
  'dayTeam.set': method({
    summary: "Pick the team of the day for a room and clinic date: accounts, plus visitors by name and role.",
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: dayTeam },
    input: SetDayTeamInputSchema,
    output: DayTeamViewSchema,
  }),
} as const;
