import { useChecklist } from '../stores/checklist';
import { useConsent } from '../stores/consent';

/**
 * The top bar's one-line state of the work. Being offline is the normal case
 * (everything is stored on this computer, no network is ever needed), so the
 * resting state says where the data is, never "offline" as a warning. Only a
 * change the core did not store is shown as a problem; the item itself says why.
 */
export function LocalStatus() {
  // The summary only (a string), so it renders again when the summary changes, not on every save.
  const checklist = useChecklist((s) => summary(Object.values(s.saves)));
  const consent = useConsent((s) => summary(s.consentSave ? [s.consentSave] : []));
  const state = checklist === 'failed' || consent === 'failed' ? 'failed' : checklist === 'saving' || consent === 'saving' ? 'saving' : 'saved';
  return (
    <span className={`local-status ${state}`}>
      {state === 'failed' ? 'A change was not saved' : state === 'saving' ? 'Saving…' : 'Saved on this computer'}
    </span>
  );
}

function summary(saves: readonly { kind: 'saving' | 'saved' | 'failed' }[]): 'failed' | 'saving' | 'saved' {
  return saves.some((x) => x.kind === 'failed') ? 'failed' : saves.some((x) => x.kind === 'saving') ? 'saving' : 'saved';
}
