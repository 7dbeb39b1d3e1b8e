import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { Blocker, BlockerOverride } from '#shared/contract/encounter-records';
import { notOverridable } from '#shared/domain/consent-blockers';
import type { ChecklistItem } from '#shared/domain/checklist';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { evidenceState } from '#shared/library/evidence-state';
import type { Evidence, Template } from '#shared/library/schema';
import type { WorkflowItem } from '#shared/workflow/phase-items';
import { canCancel, isWorkPhase, nextState, STATE_LABELS } from '#shared/workflow/states';
import { useEncounter } from '../stores/encounter';
import { useEncounterPlan } from './useEncounterPlan';
import { useWorkflow } from '../stores/workflow';
import { useChecklist } from '../stores/checklist';
import { useSession } from '../stores/session';
import { GoToBlocker, MoreOpen } from './GoToBlocker';
import { ChecklistItemRow } from './ChecklistItemRow';
import { EvidenceBadges } from './EvidenceBadges';
import { GroupConfirm } from './GroupConfirm';
import { InjectateReadBack } from './InjectatePlan';
import { RecordFilledFold, splitRecordFilled } from './RecordFilledFold';
import { OverrideForm } from './OverrideForm';
import { useFormSave } from './useFormSave';
import { useClinicTime } from './useClinicTime';
import { usePhaseBlockers } from './usePhaseBlockers';

const WHO: Record<WorkflowItem['by'], string> = { nurse: 'nurse', physician: 'physician', team: 'whole team' };
/** Open items listed by name before the rest are folded (every hard stop is listed whatever the count). */
const SHOWN = 3;
/** The time-out item that reads the planned injectate back instead of being a bare checkbox. */
const READ_BACK_ITEM = 'wf-steroid-type-confirmed';

/** A procedure-day item as the checklist row shows it. */
function asChecklistItem(w: WorkflowItem): ChecklistItem {
  const tags = new Set<Evidence>(w.sources.map((s) => s.evidence));
  const evidence = evidenceState({ sources: w.sources, workflowItemId: w.id });
  return {
    id: w.id,
    section: w.section,
    label: w.label,
    detail: w.detail ?? null,
    incidence: null,
    sources: w.sources,
    needsReview: evidence === 'needs-review',
    evidence,
    reviewedBy: null,
    secondarySource: tags.has('V2'),
  };
}

function sectionTitle(section: string): string {
  return section.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/**
 * Where the encounter is in the procedure day, the checks of the current
 * phase, what still blocks the next state, and the way forward: move on,
 * a physician's override with reason and password, or cancel with a reason.
 */
/** What may lift the hard stops shown: none of those no override lifts (consent, the time-out), else only a physician's override. */
function hardStopRule(hard: readonly Blocker[]): string {
  const fixed = hard.filter((b) => b.overridable === false).length;
  if (fixed === hard.length) return 'must be done first; no override lifts them.';
  if (fixed) return `must be done first: ${fixed} of them no override lifts, the rest only a physician's override.`;
  return "must not be passed without a physician's override.";
}

export function PhasePanel({ template, now, sources, children }: { template: Template; now: string; sources: readonly { id: string; citation: string }[]; children?: ReactNode }) {
  const clock = useClinicTime();
  const detail = useEncounter((s) => s.detail)!;
  const role = useSession((s) => s.user?.role);
  const { encounter } = detail;
  const state = encounter.state;
  const plan = useEncounterPlan();
  const blockers = usePhaseBlockers(template, now);
  // The phase's items and their row props, made once per phase: the rows are memoised and keep their props across saves.
  const workflow = useMemo(
    () => (isWorkPhase(state) ? encounterItems(template, plan).workflow.filter((w) => w.phase === state) : []).map((w) => ({ ...w, item: asChecklistItem(w) })),
    [state, template, plan],
  );
  const sections = [...new Set(workflow.map((w) => w.section))];
  const last = detail.transitions.at(-1);

  return (
    <section className="card phase" aria-labelledby="phase-heading">
      <h2 id="phase-heading" tabIndex={-1}>
        Now: {STATE_LABELS[state]}
        {last && <span className="muted"> since {clock.time(last.at)} ({last.by.name})</span>}
      </h2>
      {state === 'cancelled' && <p role="status">Cancelled by {last?.by.name}: {last?.reason}</p>}
      {state === 'discharged' && <p role="status">Discharged. The record of this encounter is closed.</p>}
      {workflow.length > 0 && (
        <p className="muted">
          Items marked <strong>Required</strong> must be checked, or marked not applicable with a reason, before {STATE_LABELS[state]} can end;
          the template's checklists below count too.
        </p>
      )}
      {sections.map((section) => (
        <div key={section} className="phase-section">
          {/* The heading and its "Confirm all" share a line (issue 18, 3 viewport heights). */}
          <div className="section-head">
            <h3>
              {sectionTitle(section)} <span className="muted">({[...new Set(workflow.filter((w) => w.section === section).map((w) => WHO[w.by]))].join(', ')})</span>
            </h3>
            <GroupConfirm items={workflow.filter((w) => w.section === section)} title={sectionTitle(section)} />
          </div>
          <SectionRows rows={workflow.filter((w) => w.section === section)} template={template} sources={sources} />
        </div>
      ))}
      {children}
      {!['discharged', 'cancelled'].includes(state) && <AdvanceArea blockers={blockers} role={role} citations={sources} />}
    </section>
  );
}

/** A phase item with the checklist row's view of it. */
type ShownItem = WorkflowItem & { item: ChecklistItem };

/** A section's item rows; those a form on this part will tick fold behind one line until it is saved. */
function SectionRows({ rows, template, sources }: { rows: readonly ShownItem[]; template: Template; sources: readonly { id: string; citation: string }[] }) {
  const records = useEncounter((s) => s.detail!.records);
  const items = useChecklist((s) => s.items);
  const isOpen = (id: string) => (items[id]?.status ?? 'unchecked') === 'unchecked';
  const { shown, folded } = splitRecordFilled(rows, records, isOpen);
  const row = (w: ShownItem) => (
    w.id === READ_BACK_ITEM ? (
      <ChecklistItemRow key={w.id} item={w.item} sources={sources} required={w.required}>
        <InjectateReadBack template={template} />
      </ChecklistItemRow>
    ) : (
      <ChecklistItemRow key={w.id} item={w.item} sources={sources} required={w.required} />
    )
  );
  return (
    <ul className="items">
      {shown.map(row)}
      {folded.map(([kind, group]) => <RecordFilledFold key={kind} kind={kind} count={group.length}>{group.map(row)}</RecordFilledFold>)}
    </ul>
  );
}

function AdvanceArea({ blockers, role, citations }: { blockers: Blocker[]; role: string | undefined; citations: readonly { id: string; citation: string }[] }) {
  const detail = useEncounter((s) => s.detail)!;
  const advance = useWorkflow((s) => s.advance);
  const cancel = useWorkflow((s) => s.cancel);
  const state = detail.encounter.state;
  const next = nextState(state);
  const [mode, setMode] = useState<'idle' | 'override' | 'cancel'>('idle');
  const [reason, setReason] = useState('');
  const { errors, busy, save } = useFormSave();
  if (!next) return null;
  const hard = blockers.filter((b) => b.hardStop);
  // The first few by name, every hard stop among them; the rest a fold away (issue 18: 3 viewport heights).
  const shown = Math.max(SHOWN, hard.length);
  // No override is taken while the consent decision, the patient's signature or the time-out is open (the core refuses it too).
  const fixed = notOverridable(blockers);

  async function run(work: () => Promise<Record<string, string> | null>) {
    await save(work, () => {
      setMode('idle');
      setReason('');
    });
  }
  const submitOverride = (overrides: BlockerOverride[], password: string) => {
    void run(() => advance(next, { overrides, password }));
  };
  const submitCancel = (e: FormEvent) => {
    e.preventDefault();
    void run(() => cancel(reason));
  };

  return (
    <div className="advance">
      {blockers.length > 0 && (
        <div className={hard.length ? 'hard-stop' : 'blockers'} role={hard.length ? 'alert' : 'status'}>
          <p>
            <strong>
              {hard.length ? `Hard stop: ${hard.length} item(s) ${hardStopRule(hard)} ` : ''}
              Still open before {STATE_LABELS[next]}: {blockers.length}
            </strong>
          </p>
          <ul aria-label="Still open">
            {/* Hard stops and records first (phaseBlockers orders them so), then the open checks. */}
            {blockers.slice(0, shown).map((b) => <StillOpenItem key={b.id} blocker={b} citations={citations} />)}
            {blockers.length > shown && (
              <li className="still-open-more">
                <details>
                  <summary>…and {blockers.length - shown} more</summary>
                  <ul>{blockers.slice(shown).map((b) => <StillOpenItem key={b.id} blocker={b} citations={citations} />)}</ul>
                </details>
                <MoreOpen blockers={blockers.slice(shown)} />
              </li>
            )}
          </ul>
        </div>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy || blockers.length > 0} onClick={() => void run(() => advance(next))}>
          {state === 'scheduled' ? 'Start pre-procedure' : `Move to ${STATE_LABELS[next]}`}
        </button>
        {blockers.length > 0 && fixed.length === 0 && role === 'physician' && mode !== 'override' && (
          <button type="button" className="secondary" onClick={() => setMode('override')}>
            Override and move to {STATE_LABELS[next]}…
          </button>
        )}
        {canCancel(state) && mode !== 'cancel' && (
          <button type="button" className="secondary" onClick={() => setMode('cancel')}>
            Cancel encounter…
          </button>
        )}
      </div>
      {fixed.length > 0 && role === 'physician' && (
        <p className="muted">No override: {fixed.map((b) => b.label).join('; ')} cannot be overridden, so {STATE_LABELS[state]} ends only once done.</p>
      )}
      {mode === 'override' && fixed.length === 0 && (
        <OverrideForm blockers={blockers} nextLabel={STATE_LABELS[next]} busy={busy} errors={errors} onSubmit={submitOverride} onBack={() => setMode('idle')} />
      )}
      {mode === 'cancel' && (
        <form className="subform" aria-label="Cancel encounter" onSubmit={submitCancel}>
          <label>
            Reason for cancelling
            <textarea autoFocus rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!errors.reason} />
            {errors.reason && <span className="error">{errors.reason}</span>}
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={busy}>Cancel this encounter</button>
            <button type="button" className="secondary" onClick={() => setMode('idle')}>Back</button>
          </div>
        </form>
      )}
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
    </div>
  );
}

/** One still-open item: its label (a hard stop in bold), its evidence, and the way to where it is done. */
function StillOpenItem({ blocker: b, citations }: { blocker: Blocker; citations: readonly { id: string; citation: string }[] }) {
  return (
    <li>
      {b.hardStop ? <strong>{b.label}</strong> : b.label}
      {b.sources && b.sources.length > 0 && <> <EvidenceBadges sources={b.sources} citations={citations} /></>}
      <GoToBlocker blocker={b} />
    </li>
  );
}
