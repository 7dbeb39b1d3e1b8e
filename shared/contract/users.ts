/** The users.* methods. */
import { z } from 'zod';
import { CreateUserInputSchema, ResetPasswordInputSchema, SetUserActiveInputSchema, UserIdInputSchema, UserSchema } from './auth';
import { ADMIN, Empty, method } from './method-spec';

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
