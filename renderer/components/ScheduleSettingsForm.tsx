/** Where the day's appointments come from (issue 19 point 6): a FHIR Appointment search, an HL7 inbox folder, an MLLP listener. */
import type { ScheduleSettings } from '#shared/contract/schedule-settings';
import { Channel, FhirAuthFields, TextField } from './ConnectionFields';
import { type NumberReader, numberText, toAuthDraft, type AuthDraft } from './connections-draft';
import { useConnectionForm } from './useConnectionForm';

interface Draft {
  fhirOn: boolean; fhir: { baseUrl: string; location: string; auth: AuthDraft; timeoutSeconds: string };
  inboxOn: boolean; hl7Inbox: string;
  mllpOn: boolean; mllp: { host: string; port: string };
}

const toDraft = (s: ScheduleSettings): Draft => ({
  fhirOn: s.fhir !== null,
  fhir: { baseUrl: s.fhir?.baseUrl ?? '', location: s.fhir?.location ?? '', auth: toAuthDraft(s.fhir?.auth), timeoutSeconds: numberText(s.fhir?.timeoutSeconds, '30') },
  inboxOn: s.hl7Inbox !== null, hl7Inbox: s.hl7Inbox ?? '',
  mllpOn: s.mllp !== null, mllp: { host: s.mllp?.host ?? '127.0.0.1', port: numberText(s.mllp?.port) },
});

/** The pull takes no SMART token (db/schedule/fhir-pull.ts), so only none and bearer are offered. */
const PULL_AUTH = ['none', 'bearer'] as const;
const pullAuth = (a: AuthDraft): NonNullable<ScheduleSettings['fhir']>['auth'] => (a.kind === 'bearer' ? { kind: 'bearer', tokenFile: a.tokenFile.trim() } : { kind: 'none' });

/** A source that is off is null; the largest message taken is kept as stored (no field: the default suits a schedule). */
function fromDraft(d: Draft, numbers: NumberReader, keep: ScheduleSettings): ScheduleSettings {
  return {
    fhir: d.fhirOn
      ? { baseUrl: d.fhir.baseUrl.trim(), location: d.fhir.location.trim(), auth: pullAuth(d.fhir.auth), timeoutSeconds: numbers.whole('schedule.fhir.timeoutSeconds', d.fhir.timeoutSeconds) }
      : null,
    hl7Inbox: d.inboxOn ? d.hl7Inbox.trim() : null,
    mllp: d.mllpOn ? { host: d.mllp.host.trim(), port: numbers.whole('schedule.mllp.port', d.mllp.port) } : null,
    maxMessageBytes: keep.maxMessageBytes,
  };
}

export function scheduleSummary(s: ScheduleSettings): string {
  const on = [
    s.fhir && `FHIR Appointment search at ${s.fhir.baseUrl} for ${s.fhir.location}`,
    s.hl7Inbox !== null && 'HL7 inbox folder',
    s.mllp && `MLLP listener on ${s.mllp.host}:${s.mllp.port}`,
  ].filter(Boolean);
  return on.length ? `Schedule sources saved: ${on.join(', ')}.` : 'Schedule sources saved: none is on; patients are registered by hand.';
}

export function ScheduleSettingsForm() {
  const { draft, errors, savedAt, submit, set, error } = useConnectionForm('schedule', { toDraft, fromDraft, summary: scheduleSummary });

  return (
    <form className="card connections" aria-label="Day's schedule" onSubmit={(e) => void submit(e)}>
      <h2>Day&apos;s schedule</h2>
      <p className="hint">Where the day&apos;s appointments come from; each patient is matched by MRN, never duplicated. Walk-ins are registered by hand either way.</p>
      <Channel label="Pull appointments from a FHIR server" on={draft.fhirOn} onToggle={(fhirOn) => set({ fhirOn })}>
        <TextField label="FHIR base URL" hint="e.g. https://ehr.example.org/fhir/r4" value={draft.fhir.baseUrl} error={error('fhir.baseUrl')}
          onChange={(baseUrl) => set({ fhir: { ...draft.fhir, baseUrl } })} />
        <div className="field-row">
          <TextField label="Location" hint="As the server knows it, e.g. Location/123" value={draft.fhir.location} error={error('fhir.location')}
            onChange={(location) => set({ fhir: { ...draft.fhir, location } })} />
          <TextField label="FHIR timeout (seconds)" numeric value={draft.fhir.timeoutSeconds} error={error('fhir.timeoutSeconds')}
            onChange={(timeoutSeconds) => set({ fhir: { ...draft.fhir, timeoutSeconds } })} />
        </div>
        <FhirAuthFields name="schedule-fhir-auth" kinds={PULL_AUTH} draft={draft.fhir.auth} onChange={(auth) => set({ fhir: { ...draft.fhir, auth } })}
          error={(key) => error(key ? `fhir.auth.${key}` : 'fhir.auth')} />
      </Channel>
      <Channel label="Read HL7 SIU/ADT files from an inbox folder" on={draft.inboxOn} onToggle={(inboxOn) => set({ inboxOn })}>
        <TextField label="HL7 inbox folder (absolute path; each file moves to done/ or refused/ beside it)" value={draft.hl7Inbox} error={error('hl7Inbox')}
          onChange={(hl7Inbox) => set({ hl7Inbox })} />
      </Channel>
      <Channel label="Listen for HL7 over MLLP" on={draft.mllpOn} onToggle={(mllpOn) => set({ mllpOn })}>
        <div className="field-row">
          <TextField label="Listen address" hint="127.0.0.1 unless the engine is on another machine (then this machine's address)" value={draft.mllp.host} error={error('mllp.host')}
            onChange={(host) => set({ mllp: { ...draft.mllp, host } })} />
          <TextField label="Listen port" numeric value={draft.mllp.port} error={error('mllp.port')} onChange={(port) => set({ mllp: { ...draft.mllp, port } })} />
        </div>
      </Channel>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {savedAt && <p role="status">{savedAt}</p>}
      <button type="submit" className="primary">Save schedule settings</button>
    </form>
  );
}
