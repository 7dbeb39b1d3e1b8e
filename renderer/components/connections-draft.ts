/**
 * The Connections tab's drafts: every field as typed text, turned into the contract's shapes on save.
 * A number field that is not a whole number is refused here (JSON would carry it as null, and the core
 * would then name the type, not the field's rule); every other rule is the core's, by field.
 */
import type { FhirAuth } from '#shared/contract/delivery-settings';

export type AuthKind = FhirAuth['kind'];
export interface AuthDraft { kind: AuthKind; tokenFile: string; clientId: string; privateKeyFile: string; algorithm: 'RS384' | 'ES384'; keyId: string; scope: string }

export const toAuthDraft = (auth: FhirAuth | null | undefined): AuthDraft => ({
  kind: auth?.kind ?? 'none',
  tokenFile: auth?.kind === 'bearer' ? auth.tokenFile : '',
  clientId: auth?.kind === 'smart' ? auth.clientId : '',
  privateKeyFile: auth?.kind === 'smart' ? auth.privateKeyFile : '',
  algorithm: auth?.kind === 'smart' ? auth.algorithm : 'RS384',
  keyId: auth?.kind === 'smart' ? auth.keyId ?? '' : '',
  scope: auth?.kind === 'smart' ? auth.scope : '',
});

export function fromAuthDraft(d: AuthDraft): FhirAuth {
  if (d.kind === 'bearer') return { kind: 'bearer', tokenFile: d.tokenFile.trim() };
  if (d.kind === 'smart') {
    return { kind: 'smart', clientId: d.clientId.trim(), privateKeyFile: d.privateKeyFile.trim(), algorithm: d.algorithm, keyId: d.keyId.trim() || null, scope: d.scope.trim() };
  }
  return { kind: 'none' };
}

/** Numbers read from text, each keyed by the path the core would use, so a refusal shows beside the same field. */
export class NumberReader {
  readonly problems: Record<string, string> = {};

  whole(path: string, text: string): number {
    if (!/^\d+$/.test(text.trim())) this.problems[path] = 'is a whole number';
    return Number(text.trim());
  }

  /** The problems found, with the form's line when there are any (none: an empty record, so the form may send). */
  report(): Record<string, string> {
    return Object.keys(this.problems).length ? { ...this.problems, form: 'Please correct the fields marked above.' } : {};
  }
}

/** A number as the form shows it (empty when unset). */
export const numberText = (n: number | null | undefined, fallback = ''): string => (n === null || n === undefined ? fallback : String(n));
