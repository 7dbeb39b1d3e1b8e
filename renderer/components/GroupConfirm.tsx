import { useMemo, useState } from 'react';
import { factResolutions } from '#shared/workflow/fact-items';
import { recordResolutions } from '#shared/workflow/record-items';
import { isWorkPhase, WORK_PHASES, type WorkPhase } from '#shared/workflow/states';
import { useChecklist } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { firstError, useFormSave } from './useFormSave';

/** An item a group may confirm, with the phase in which it can really be done. */
export interface GroupItem { id: string; phase: WorkPhase }

const phaseIndex = (phase: string) => Math.max(0, (WORK_PHASES as readonly string[]).indexOf(phase));

/**
 * One click that checks every open item of a group (a checklist section, the risks counselled
 * on) in one write, naming what it confirms. Shown only when two or more are open. It leaves
 * alone what is already answered, what a saved record or the patient's facts resolve, and what
 * belongs to a later phase; each item still unticks on its own. Shortcut A (checklist-keys.ts).
 */
export function GroupConfirm({ items, title, risks = false }: { items: readonly GroupItem[]; title: string; risks?: boolean }) {
  const detail = useEncounter((s) => s.detail);
  const checkAll = useChecklist((s) => s.checkAll);
  const state = detail?.encounter.state;
  const resolvedElsewhere = useMemo(() => {
    if (!detail) return new Set<string>();
    return new Set([...recordResolutions(detail.records).keys(), ...factResolutions(detail.patientFacts).keys()]);
  }, [detail]);
  // A string, so the button renders again only when the set of open items changes.
  const openKey = useChecklist((s) => items.filter((i) => (s.items[i.id]?.status ?? 'unchecked') === 'unchecked' && s.saves[i.id]?.kind !== 'saving').map((i) => i.id).join(' '));
  const { errors, busy, save } = useFormSave();
  const error = firstError(errors);
  // The label clicked stays, disabled, until the write answers: the button then goes in the same render
  // as the items it ticked leave the still-open list, never before (a vanished button read as "done").
  const [clicked, setClicked] = useState('');
  if (!state || !(isWorkPhase(state) || state === 'scheduled')) return null;
  const now = phaseIndex(state);
  const phaseOf = new Map(items.map((i) => [i.id, phaseIndex(i.phase)]));
  const open = openKey.split(' ').filter((id) => id && !resolvedElsewhere.has(id) && (phaseOf.get(id) ?? 0) <= now);
  if (open.length < 2 && !(busy && clicked)) return null;
  const label = open.length < 2 ? clicked : risks ? `All ${open.length} risks discussed` : `Confirm all ${open.length} open in ${title}`;

  async function confirm() {
    setClicked(label);
    await save(async () => {
      const refused = await checkAll(open);
      return refused ? { form: refused } : null;
    });
  }
  return (
    <div className="group-confirm">
      <button type="button" className="secondary group-confirm-button" aria-keyshortcuts="A" disabled={busy} aria-busy={busy} onClick={() => void confirm()}>
        {label}
      </button>
      {error && <span role="alert" className="save failed">Not saved: {error}</span>}
    </div>
  );
}
