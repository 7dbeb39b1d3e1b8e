/**
 * Accounts, sign-in and the session lock. There is no default or shared
 * account: the first start asks for the first administrator. The session
 * token travels with each call beside the input (IPC argument or HTTP header),
 * never inside it, so a payload can never claim to be someone else.
 */
import { z } from 'zod';
import { IdSchema, RoleSchema, TimestampSchema } from './common';
import { personName, shortText, storedLine } from './text';
import { ANY_ROLE, Empty, method } from './method-spec';
import { TimeZoneSchema } from './settings';
import { ProviderIdentitySchema } from './users-provider';

/** Sign-in names: short, lower-case, no spaces, so they are typed the same way every time. */
export const UsernameSchema = shortText('the username', { max: 32 })
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'use 2–32 letters, digits, dots, dashes or underscores, starting with a letter or digit');

/** Long enough to resist guessing on a shared procedure-room laptop; no composition rules (NIST SP 800-63B). */
export const NewPasswordSchema = z
  .string()
  .min(10, 'use at least 10 characters')
  .max(200, 'use at most 200 characters');

/**
 * A password being checked: never trimmed, never normalised (it is compared as typed, against
 * hashes made before any normalisation), never length-checked beyond a sanity cap. It never
 * leaves the core, so the text rules (text.ts) do not apply.
 */
export const PasswordSchema = z.string().min(1, 'the password is required').max(200);

export const DisplayNameSchema = personName('the display name', { max: 80, required: 'a display name is required' });

export const UserSchema = z.object({
  id: IdSchema,
  username: storedLine,
  displayName: storedLine,
  role: RoleSchema,
  active: z.boolean(),
  createdAt: TimestampSchema,
  /** Set while repeated failed sign-ins keep the account locked. */
  lockedUntil: TimestampSchema.nullable(),
  /** Who created the account (null for the first administrator, who created themself at first start). */
  createdBy: z.string().nullable(),
  /** An administrator made this account for themself: shown wherever the account is listed or signed in, and audited. */
  createdForSelf: z.boolean(),
  /** The last password reset by an administrator, and by whom (a reset also issues a new signing key). */
  passwordResetAt: TimestampSchema.nullable(),
  passwordResetBy: z.string().nullable(),
  /** The NPI and/or local provider id with the person's family and given name (null until an administrator sets them). */
  provider: ProviderIdentitySchema.nullable(),
  /** The fingerprint (SHA-256 of the Ed25519 public key, hex) of the account's signing key in use, if it holds one. */
  signingKeyId: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionViewSchema = z.object({
  token: z.string(),
  user: UserSchema,
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** The clinic's time zone (settings): every screen shows times in it. */
  timeZone: z.string(),
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
export const ConsoleCodeSchema = shortText('the console code', { max: 40 });

export const SetupFirstAdminInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  password: NewPasswordSchema,
  /** Required in browser mode (auth.status says so); the Electron window is its own proof. */
  consoleCode: ConsoleCodeSchema.optional(),
  /** The clinic's time zone, prefilled from the computer's; absent, the core's host zone is stored. */
  timeZone: TimeZoneSchema.optional(),
});

export const LoginInputSchema = z.strictObject({ username: shortText('the username', { min: 1, max: 32 }).toLowerCase(), password: PasswordSchema });
export const UnlockInputSchema = z.strictObject({ password: PasswordSchema });

export const ChangePasswordInputSchema = z.strictObject({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema });

export const AUTH_METHODS = {
  'auth.status': method({
    summary: 'Whether the first administrator must be created, and the state of the caller\'s session.',
    writes: false,
    access: 'public',
    audit: 'none',
    input: Empty,
    output: AuthStatusSchema,
  }),
  'auth.setupFirstAdmin': method({
    summary: 'First start only: create the first administrator account and sign it in.',
    writes: true,
    access: 'public',
    audit: 'self',
    input: SetupFirstAdminInputSchema,
    output: SessionViewSchema,
  }),
  'auth.login': method({
    summary: 'Sign in with username and password; repeated failures lock the account for a while.',
    writes: true,
    access: 'public',
    audit: 'self',
    input: LoginInputSchema,
    output: SessionViewSchema,
  }),
  'auth.logout': method({
    summary: 'End the session.',
    writes: true,
    access: 'session',
    audit: 'self',
    input: Empty,
    output: z.object({ ended: z.boolean() }),
  }),
  'auth.lock': method({
    summary: 'Lock the session now (also happens after the idle time).',
    writes: true,
    access: 'session',
    audit: 'self',
    input: Empty,
    output: SessionViewSchema,
  }),
  'auth.unlock': method({
    summary: 'Unlock a locked session with the signed-in user\'s password.',
    writes: true,
    access: 'session',
    audit: 'self',
    input: UnlockInputSchema,
    output: SessionViewSchema,
  }),
  'auth.changePassword': method({
    summary: 'Change one\'s own password (the current one is required).',
    writes: true,
    access: ANY_ROLE,
    audit: 'self',
    input: ChangePasswordInputSchema,
    output: z.object({ changed: z.boolean() }),
  }),
} as const;
