/**
 * Accounts, sign-in and the session lock. There is no default or shared
 * account: the first start asks for the first administrator. The session
 * token travels with each call beside the input (IPC argument or HTTP header),
 * never inside it, so a payload can never claim to be someone else.
 */
import { InteropSettingsSchema, NoteFieldsOffSchema, OutboxFolderSchema } from './export-settings';
import { z } from 'zod';
import { IdSchema, RoleSchema, TimestampSchema } from './common';

/** Sign-in names: short, lower-case, no spaces, so they are typed the same way every time. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'use 2–32 letters, digits, dots, dashes or underscores, starting with a letter or digit');

/** Long enough to resist guessing on a shared procedure-room laptop; no composition rules (NIST SP 800-63B). */
export const NewPasswordSchema = z
  .string()
  .min(10, 'use at least 10 characters')
  .max(200, 'use at most 200 characters');

/** A password being checked: never trimmed, never length-checked beyond a sanity cap. */
export const PasswordSchema = z.string().min(1, 'the password is required').max(200);

export const DisplayNameSchema = z.string().trim().min(1, 'a display name is required').max(80);

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  createdAt: TimestampSchema,
  /** Set while repeated failed sign-ins keep the account locked. */
  lockedUntil: TimestampSchema.nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionViewSchema = z.object({
  token: z.string(),
  user: UserSchema,
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export const AuthStatusSchema = z.object({
  /** No account exists yet: the first start creates the first administrator. */
  needsFirstAdmin: z.boolean(),
  /** The caller's session, if the token it sent is still valid. */
  session: SessionViewSchema.nullable(),
  /** Browser mode: creating the first administrator needs the one-time code printed on the console that started the app. */
  needsConsoleCode: z.boolean(),
});

/** The one-time code printed on the console that started the app (db/auth/console-code.ts). */
export const ConsoleCodeSchema = z.string().trim().max(40);

export const SetupFirstAdminInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  password: NewPasswordSchema,
  /** Required in browser mode (auth.status says so); the Electron window is its own proof. */
  consoleCode: ConsoleCodeSchema.optional(),
});

export const LoginInputSchema = z.strictObject({ username: z.string().trim().toLowerCase().min(1, 'the username is required').max(32), password: PasswordSchema });
export const UnlockInputSchema = z.strictObject({ password: PasswordSchema });

export const CreateUserInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
});

export const UserIdInputSchema = z.strictObject({ userId: IdSchema });
export const SetUserActiveInputSchema = z.strictObject({ userId: IdSchema, active: z.boolean() });
export const ChangePasswordInputSchema = z.strictObject({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema });

/** Clinic settings an administrator sets. */
export const SettingsSchema = z.object({
  /** Minutes without activity before the session locks (default 10). */
  idleLockMinutes: z.number().int().min(1).max(120),
  /**
   * The lab-defined INR at or below which a warfarin-type patient counts as
   * "normal INR" (Narouze 2018 gives no number for pain procedures), or null
   * when the clinic has not set it.
   */
  inrThreshold: z.number().min(0.8).max(3).nullable(),
  /** The clinic's time zone (IANA), for dose times and intervals across daylight saving. */
  timeZone: z.string().min(1).max(64),
  /** Optional note fields switched off per template (never silently: the note says so). */
  noteFieldsOff: NoteFieldsOffSchema,
  /** Where exports for the chart are written; null until an administrator sets it. */
  outboxFolder: OutboxFolderSchema.nullable(),
  interop: InteropSettingsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const UpdateSettingsInputSchema = z.strictObject({
  idleLockMinutes: SettingsSchema.shape.idleLockMinutes.optional(),
  inrThreshold: SettingsSchema.shape.inrThreshold.optional(),
  timeZone: SettingsSchema.shape.timeZone
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'is not a known time zone (IANA name, e.g. America/New_York)')
    .optional(),
  noteFieldsOff: NoteFieldsOffSchema.optional(),
  outboxFolder: OutboxFolderSchema.nullable().optional(),
  interop: InteropSettingsSchema.optional(),
});
