/** The users.* methods. */
import { z } from 'zod';
import { DisplayNameSchema, NewPasswordSchema, PasswordSchema, UsernameSchema, UserSchema } from './auth';
import { IdSchema, RoleSchema } from './common';
import { ADMIN, Empty, method } from './method-spec';
import { ProviderIdentitySchema } from './users-provider';

/**
 * Whose account it is, said by the administrator creating it. An administrator
 * may need a clinical account of their own (small clinics often have one
 * administrator, who is also a physician), so it is allowed, but never quietly:
 * "self" marks the account for good, visibly and in the audit trail.
 */
export const AccountHolderSchema = z.enum(['someone-else', 'self'], 'say whose account this is: someone else, or yourself');

export const CreateUserInputSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
  holder: AccountHolderSchema,
  /** NPI and/or local provider id; a physician needs one before their signed note can go to the chart. */
  provider: ProviderIdentitySchema.nullable().optional(),
});

/** An administrator's reset of another account's password: their own password again, and a new initial password. */
export const ResetPasswordInputSchema = z.strictObject({
  userId: IdSchema,
  newPassword: NewPasswordSchema,
  adminPassword: PasswordSchema,
});

export const UserIdInputSchema = z.strictObject({ userId: IdSchema });
/** Set or clear an account's provider identifiers (NPI, local id, family and given name). */
export const SetProviderInputSchema = z.strictObject({ userId: IdSchema, provider: ProviderIdentitySchema.nullable() });
export const SetUserActiveInputSchema = z.strictObject({ userId: IdSchema, active: z.boolean() });
export const USERS_METHODS = {
  'users.list': method({
    summary: 'Every account, with its role and whether it is active or locked.',
    writes: false,
    access: ADMIN,
    audit: 'none',
    input: Empty,
    output: z.array(UserSchema),
  }),
  'users.create': method({
    summary: 'Create an account (physician, nurse or admin) with an initial password.',
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: CreateUserInputSchema,
    output: UserSchema,
  }),
  'users.setActive': method({
    summary: 'Deactivate or reactivate an account (accounts are never deleted: records name them).',
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: SetUserActiveInputSchema,
    output: UserSchema,
  }),
  'users.setProvider': method({
    summary: "Set or clear an account's provider identifiers (NPI with its check digit, local provider id) and the name the chart files them under.",
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: SetProviderInputSchema,
    output: UserSchema,
  }),
  'users.clearLockout': method({
    summary: 'Lift the lock that repeated failed sign-ins put on an account.',
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: UserIdInputSchema,
    output: UserSchema,
  }),
  'users.resetPassword': method({
    summary: "Reset another account's password (the administrator's own password again): a new initial password and a new signing key; the old key is retired and still verifies what it signed.",
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: ResetPasswordInputSchema,
    output: UserSchema,
  }),
} as const;
