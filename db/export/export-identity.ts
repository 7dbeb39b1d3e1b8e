/**
 * What the chart needs to file a note to the right patient, by the right clinician, from the right
 * clinic (issue 19): refused before anything is rendered or written when the site has not set the
 * MRN system or its Organization, or when the signing physician has no NPI or local provider id, each
 * with the setting or the account to fix named. Returns the identity both builders carry.
 */
import type { Actor } from '#shared/contract/common';
import { CommandError } from '#shared/contract/errors';
import type { InteropSettings } from '#shared/contract/settings';
import type { ProviderIdentity } from '#shared/contract/users-provider';
import type { ExportIdentity } from '#shared/interop/identity';

export interface ReadyIdentity { mrnSystem: string; identity: ExportIdentity }

export function exportIdentity(interop: InteropSettings, signer: Actor, providerOf: (actor: Actor) => ProviderIdentity | null): ReadyIdentity {
  const { mrnSystem, organization } = interop;
  if (!mrnSystem) {
    throw new CommandError('CONFLICT', "The MRN system is not set, so the chart could not find this patient and might file the note to a duplicate. An administrator sets 'MRN system' under Users & settings › Chart exports (the receiving EHR's own MRN system, an OID or URL). Nothing was exported.");
  }
  if (!organization) {
    throw new CommandError('CONFLICT', "The clinic's Organization (name and identifier) is not set; the chart needs it as the note's custodian. An administrator sets it under Users & settings › Chart exports. Nothing was exported.");
  }
  const provider = providerOf(signer);
  const usable = provider && (provider.npi || (provider.localId && interop.providerIdSystem));
  if (!usable) {
    const why = provider?.localId
      ? `has only a local provider id, and the clinic's 'Local provider id system' is not set under Users & settings › Chart exports`
      : 'has no NPI or local provider id on their account, so the chart could not match who signed. An administrator adds one under Users & settings › Accounts';
    throw new CommandError('CONFLICT', `${signer.name}, who signed this note, ${why}. Nothing was exported.`);
  }
  return {
    mrnSystem,
    identity: { organization, providerOf, providerIdSystem: interop.providerIdSystem, visitNumberSystem: interop.visitNumberSystem },
  };
}
