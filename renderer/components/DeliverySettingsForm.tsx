/** Where the delivery worker sends each exported note (issue 19 point 5): a drop folder, HL7 v2 over MLLP, FHIR R4 REST. */
import type { DeliverySettings } from '#shared/contract/delivery-settings';
import { Channel, FhirAuthFields, TextField } from './ConnectionFields';
import { fromAuthDraft, type NumberReader, numberText, toAuthDraft, type AuthDraft } from './connections-draft';
import { useConnectionForm } from './useConnectionForm';

interface Draft {
  folderOn: boolean; folder: string;
  mllpOn: boolean; mllp: { host: string; port: string; timeoutSeconds: string };
  fhirOn: boolean; fhir: { base: string; auth: AuthDraft; timeoutSeconds: string };
  retryBaseSeconds: string; retryCapSeconds: string;
}

const toDraft = (d: DeliverySettings): Draft => ({
  folderOn: d.folder !== null, folder: d.folder ?? '',
  mllpOn: d.mllp !== null, mllp: { host: d.mllp?.host ?? '', port: numberText(d.mllp?.port), timeoutSeconds: numberText(d.mllp?.timeoutSeconds, '30') },
  fhirOn: d.fhir !== null, fhir: { base: d.fhir?.base ?? '', auth: toAuthDraft(d.fhir?.auth), timeoutSeconds: numberText(d.fhir?.timeoutSeconds, '30') },
  retryBaseSeconds: String(d.retryBaseSeconds), retryCapSeconds: String(d.retryCapSeconds),
});

/** A channel that is off is null; its fields are kept in the draft so turning it back on restores them. */
function fromDraft(d: Draft, numbers: NumberReader): DeliverySettings {
  return {
    folder: d.folderOn ? d.folder.trim() : null,
    mllp: d.mllpOn
      ? { host: d.mllp.host.trim(), port: numbers.whole('delivery.mllp.port', d.mllp.port), timeoutSeconds: numbers.whole('delivery.mllp.timeoutSeconds', d.mllp.timeoutSeconds) }
      : null,
    fhir: d.fhirOn
      ? { base: d.fhir.base.trim(), auth: fromAuthDraft(d.fhir.auth), timeoutSeconds: numbers.whole('delivery.fhir.timeoutSeconds', d.fhir.timeoutSeconds) }
      : null,
    retryBaseSeconds: numbers.whole('delivery.retryBaseSeconds', d.retryBaseSeconds),
    retryCapSeconds: numbers.whole('delivery.retryCapSeconds', d.retryCapSeconds),
  };
}

const AUTH_WORDS = { none: 'no authentication', bearer: 'bearer token', smart: 'SMART Backend Services' } as const;

/** What is on now, in the words the status line uses. */
export function deliverySummary(d: DeliverySettings): string {
  const on = [
    d.folder !== null && 'folder',
    d.mllp && `MLLP to ${d.mllp.host}:${d.mllp.port}`,
    d.fhir && `FHIR to ${d.fhir.base} (${AUTH_WORDS[d.fhir.auth.kind]})`,
  ].filter(Boolean);
  return on.length ? `Delivery saved: ${on.join(', ')}.` : 'Delivery saved: no channel is on; exports stay in the outbox folder.';
}

export function DeliverySettingsForm() {
  const { draft, errors, savedAt, submit, set, error } = useConnectionForm('delivery', { toDraft, fromDraft, summary: deliverySummary });

  return (
    <form className="card connections" aria-label="Note delivery" onSubmit={(e) => void submit(e)}>
      <h2>Note delivery</h2>
      <p className="hint">After a note is exported to the outbox, the delivery worker sends it over each channel that is on, retrying until the receiver accepts it.</p>
      <Channel label="Drop in a folder" on={draft.folderOn} onToggle={(folderOn) => set({ folderOn })}>
        <TextField label="Delivery folder (absolute path; the engine polls it for .hl7 files)" value={draft.folder} error={error('folder')} onChange={(folder) => set({ folder })} />
      </Channel>
      <Channel label="Send over MLLP (HL7 v2)" on={draft.mllpOn} onToggle={(mllpOn) => set({ mllpOn })}>
        <div className="field-row">
          <TextField label="MLLP host" value={draft.mllp.host} error={error('mllp.host')} onChange={(host) => set({ mllp: { ...draft.mllp, host } })} />
          <TextField label="MLLP port" numeric value={draft.mllp.port} error={error('mllp.port')} onChange={(port) => set({ mllp: { ...draft.mllp, port } })} />
          <TextField label="MLLP timeout (seconds)" numeric value={draft.mllp.timeoutSeconds} error={error('mllp.timeoutSeconds')}
            onChange={(timeoutSeconds) => set({ mllp: { ...draft.mllp, timeoutSeconds } })} />
        </div>
      </Channel>
      <Channel label="Send over FHIR R4 REST" on={draft.fhirOn} onToggle={(fhirOn) => set({ fhirOn })}>
        <div className="field-row">
          <TextField label="FHIR base URL" hint="Where [base]/metadata is, e.g. https://ehr.example.org/fhir/r4" value={draft.fhir.base} error={error('fhir.base')}
            onChange={(base) => set({ fhir: { ...draft.fhir, base } })} />
          <TextField label="FHIR timeout (seconds)" numeric value={draft.fhir.timeoutSeconds} error={error('fhir.timeoutSeconds')}
            onChange={(timeoutSeconds) => set({ fhir: { ...draft.fhir, timeoutSeconds } })} />
        </div>
        <FhirAuthFields name="delivery-fhir-auth" kinds={['none', 'bearer', 'smart']} draft={draft.fhir.auth} onChange={(auth) => set({ fhir: { ...draft.fhir, auth } })}
          error={(key) => error(key ? `fhir.auth.${key}` : 'fhir.auth')} />
      </Channel>
      <fieldset>
        <legend>Retries: each wait doubles, up to the longest</legend>
        <div className="field-row">
          <TextField label="First wait (seconds)" numeric value={draft.retryBaseSeconds} error={error('retryBaseSeconds')} onChange={(retryBaseSeconds) => set({ retryBaseSeconds })} />
          <TextField label="Longest wait (seconds)" numeric value={draft.retryCapSeconds} error={error('retryCapSeconds')} onChange={(retryCapSeconds) => set({ retryCapSeconds })} />
        </div>
      </fieldset>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {savedAt && <p role="status">{savedAt}</p>}
      <button type="submit" className="primary">Save delivery settings</button>
    </form>
  );
}
