import { memo, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ItemChange } from '#shared/contract/checklist';
import type { ChecklistItem } from '#shared/domain/checklist';
import { anticoagulantInputOf } from '#shared/domain/anticoagulant-verdict';
import { anticoagulantClear } from '#shared/domain/encounter-workflow';
import { CONSENT_ITEM, consentResolution } from '#shared/workflow/consent-items';
import type { RecordKind } from '#shared/contract/encounter-records';
import { ANTITHROMBOTIC_ITEM, factResolutions } from '#shared/workflow/fact-items';
import { RECORD_NAMES, recordResolutions } from '#shared/workflow/record-items';
import { useChecklist } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { focusItem, shortcutFor } from './checklist-keys';
import { EvidenceChips, SourceList } from './EvidenceBadges';
import { SaveStatus } from './SaveStatus';
import { TemplateWording } from './TemplateWording';
import { PatientWording } from './PatientWording';
import { useClinicTime } from './useClinicTime';

const NO_CHANGES: readonly ItemChange[] = [];

/**
 * One item: check it, or mark it not applicable with a reason. Saved the moment it changes.
 *
 * Memoised, and it reads only its own item's state, save and history from the
 * store (each replaced only when this item changes): saving one item of a long
 * checklist renders that row again, not all of them. Its props must stay
 * stable (the template's item objects and sources); it takes no callbacks.
 */
export const ChecklistItemRow = memo(function ChecklistItemRow({ item, sources, required = false, reviewed = false, children }: {
  item: ChecklistItem;
  sources: readonly { id: string; citation: string }[];
  required?: boolean;
  /** The clinic has reviewed the template version's content (review-backlog.ts): no evidence badges, the sources on request. */
  reviewed?: boolean;
  children?: ReactNode;
}) {
  const state = useChecklist((s) => s.items[item.id]);
  const save = useChecklist((s) => s.saves[item.id]);
  const setItem = useChecklist((s) => s.setItem);
  const history = useChecklist((s) => s.itemHistory[item.id]) ?? NO_CHANGES;
  // A discharged or cancelled encounter is closed: its checklist is shown, never changed.
  const closed = useEncounter((s) => s.detail?.encounter.state === 'discharged' || s.detail?.encounter.state === 'cancelled');
  // A saved record that resolves this item (record-items.ts): as a string, so the row renders again only when it changes.
  const recordedBy = useEncounter((s) => recordedKey(s, item.id));
  const clock = useClinicTime();
  const [askingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState('');
  const busy = save?.kind === 'saving';
  // The intended state shows at once (beside "Saving…"); it reverts if the write fails.
  const stored = save?.kind === 'saving' ? save.status : (state?.status ?? 'unchecked');
  const recorded = recordedBy !== null && stored !== 'not-applicable' ? JSON.parse(recordedBy) as RecordedBy : null;
  const status = recorded ? 'checked' : stored;
  const inputId = `item-${item.id}`;
  const row = useRef<HTMLLIElement>(null);

  // When the reason form closes (confirmed or cancelled) its field unmounts: keep focus on this row, not lost to the page.
  const reasonShown = askingReason && status !== 'not-applicable';
  const wasShown = useRef(false);
  useEffect(() => {
    if (wasShown.current && !reasonShown && row.current?.contains(document.activeElement) === false) focusItem(row.current);
    wasShown.current = reasonShown;
  }, [reasonShown]);

  /** C (or Space on the row) checks or unchecks, N asks for the not-applicable reason: see checklist-keys.ts. */
  function onShortcut(event: KeyboardEvent<HTMLLIElement>) {
    const action = shortcutFor(event.nativeEvent);
    if (action !== 'check' && action !== 'not-applicable') return;
    event.preventDefault();
    if (closed || busy || recorded || status === 'not-applicable') return;
    if (action === 'check') void setItem(item.id, status === 'checked' ? 'unchecked' : 'checked');
    else setAskingReason(true);
  }

  async function markNotApplicable() {
    if (!reason.trim()) return;
    if (await setItem(item.id, 'not-applicable', reason.trim())) {
      setAskingReason(false);
      setReason('');
    }
  }

  return (
    // tabIndex -1: the row takes focus when its own control cannot (a closed encounter); never a Tab stop.
    <li ref={row} className={`item checklist-item ${status}`} data-item-id={item.id} tabIndex={-1} onKeyDown={onShortcut}>
      <div className="item-main">
        <input
          id={inputId}
          type="checkbox"
          checked={status === 'checked'}
          disabled={status === 'not-applicable' || closed || recorded !== null}
          aria-busy={busy}
          // Not disabled while saving, so keyboard focus stays put; a second toggle waits for the first.
          onChange={(e) => { if (!busy) void setItem(item.id, e.target.checked ? 'checked' : 'unchecked'); }}
        />
        <label htmlFor={inputId}>{item.label}</label>
        {item.incidence && <span className="incidence muted" title={item.incidence}>{item.incidence}</span>}
        {required && <span className="badge required">Required</span>}
        <SaveStatus save={save} />
      </div>
      {/* The row is one line (issue 18, 3 viewport heights): the evidence chips stay beside the label; the item's words, the
          template's wording, the sources and the history share one fold; "Not applicable…" stays a button on the line. */}
      <EvidenceChips sources={item.sources} citations={sources} reviewedBy={item.reviewedBy} state={item.evidence} quiet={reviewed} />
      <details className="item-more">
        <summary aria-label={`Details of ${item.label}`}>Details</summary>
        {item.detail && <p className="detail"><PatientWording english={item.detail} /></p>}
        {item.incidence && <p className="detail">Incidence: {item.incidence}</p>}
        {item.id.startsWith('wf-') && <TemplateWording baseId={item.id} citations={sources} quiet={reviewed} />}
        <div className="item-sources">
          <p className="more-head">Sources</p>
          <SourceList sources={item.sources} citations={sources} reviewedBy={item.reviewedBy} state={item.evidence} />
        </div>
        {history.length > 0 && <ItemHistory changes={history} label={item.label} />}
      </details>
      {!closed && !recorded && status !== 'not-applicable' && !askingReason && (
        <button type="button" className="link" onClick={() => setAskingReason(true)} aria-label={`Not applicable: ${item.label}`}>
          Not applicable…
        </button>
      )}
      {recorded && (
        <p className="recorded" role="note">
          Recorded with {RECORDED_WITH[recorded.kind]} at {clock.time(recorded.at)} ({recorded.by})
        </p>
      )}
      {/* What the item reads back (the planned injectate), where it has any: on its own line below. */}
      {children && <div className="item-extra">{children}</div>}
      {status === 'not-applicable' ? (
        <p className="na">
          Not applicable: {state?.reason}{' '}
          <button type="button" className="secondary" disabled={busy || closed} onClick={() => void setItem(item.id, 'unchecked')}
            aria-label={`Undo not applicable: ${item.label}`}>
            Undo
          </button>
        </p>
      ) : askingReason ? (
        <div className="na-form">
          <label>
            Reason not applicable
            <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void markNotApplicable(); } if (e.key === 'Escape') setAskingReason(false); }} />
          </label>
          <button type="button" className="secondary" disabled={!reason.trim() || busy} onClick={() => void markNotApplicable()}>
            Confirm not applicable
          </button>
          <button type="button" className="link" onClick={() => setAskingReason(false)}>Cancel</button>
        </div>
      ) : null}
    </li>
  );
});

interface RecordedBy { kind: RecordKind | 'patient-facts' | 'consent'; at: string; by: string }
const RECORDED_WITH: Record<RecordedBy['kind'], string> = { ...RECORD_NAMES, 'patient-facts': "the patient's facts, confirmed", consent: "the consent decision and the patient's signature" };

/** The record resolving an item, as a string (stable across renders), or null: what the core reads (phaseBlockers). */
function recordedKey({ detail, library, settings }: Pick<ReturnType<typeof useEncounter.getState>, 'detail' | 'library' | 'settings'>, itemId: string): string | null {
  if (!detail) return null;
  const byRecord = recordResolutions(detail.records).get(itemId);
  if (byRecord) return JSON.stringify({ kind: byRecord.kind, at: byRecord.at, by: byRecord.by.name } satisfies RecordedBy);
  const byConsent = itemId === CONSENT_ITEM ? consentResolution(detail.consent, detail.signatures) : null;
  if (byConsent) return JSON.stringify({ kind: 'consent', at: byConsent.at, by: byConsent.by.name } satisfies RecordedBy);
  // The anticoagulant review reads the check of the confirmed drugs: run it only for that row.
  const clear = itemId === ANTITHROMBOTIC_ITEM && library && settings
    ? anticoagulantClear({ template: library.template, records: detail.records, bleedingRiskRaises: detail.bleedingRiskRaises, settings, anticoagulant: anticoagulantInputOf(detail) })
    : false;
  const byFacts = factResolutions(detail.patientFacts, clear).get(itemId);
  return byFacts ? JSON.stringify({ kind: 'patient-facts', at: byFacts.at, by: byFacts.by.name } satisfies RecordedBy) : null;
}

const STATUS_WORDS: Record<ItemChange['to'], string> = { checked: 'checked', unchecked: 'unchecked', 'not-applicable': 'not applicable' };

/** Who changed this item from what to what, and when: the whole history, oldest first, in the row's Details fold. */
function ItemHistory({ changes, label }: { changes: readonly ItemChange[]; label: string }) {
  const clock = useClinicTime();
  return (
    <div className="item-history" aria-label={`History of ${label}: ${changes.length} change(s)`} role="group">
      <p className="more-head">History ({changes.length})</p>
      <ol>
        {changes.map((c, i) => (
          <li key={i}>
            {clock.dateTime(c.at)}: {c.by.name} ({c.by.role}) {c.from ? `changed ${STATUS_WORDS[c.from]} → ` : 'set '}
            {STATUS_WORDS[c.to]}
            {c.reason ? ` (${c.reason})` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
