import { useState } from 'react';
import type { ProcedureOutcomes as Outcomes } from '#shared/contract/follow-up';
import { clinicDateTime } from '#shared/domain/outcome-text';
import { STATE_LABELS } from '#shared/workflow/states';
import { useOutcomes } from '../stores/outcomes';
import { DiaryChart } from './DiaryChart';
import { DiaryForm } from './DiaryForm';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpTable } from './FollowUpTable';
import { PlanContactForm } from './PlanContactForm';
import { ThresholdList, VerdictList } from './OutcomeVerdicts';
import { VoidControl } from './VoidControl';

/** One procedure of the patient: its baseline, pain diary (charted and judged), follow-ups, and the forms to add them. */
export function ProcedureOutcomes({ outcome, timeZone }: { outcome: Outcomes; timeZone: string }) {
  const { addFollowUp, addDiary, voidRecord, schedule } = useOutcomes();
  const { encounter, templateName, baseline } = outcome;
  const title = `${templateName}, ${encounter.plannedDate}`;
  const activeDiary = outcome.diaries.find((d) => !d.voided);
  // Open at first only while nothing is recorded; fixed after that, so saving never folds the form away.
  const [formsOpen] = useState(outcome.followUps.length === 0 && outcome.diaries.length === 0);
  return (
    <section className="card procedure-outcomes" aria-labelledby={`proc-${encounter.id}`} data-encounter={encounter.id}>
      <h2 id={`proc-${encounter.id}`}>
        {title} <span className={`state-badge ${encounter.state}`}>{STATE_LABELS[encounter.state]}</span>
      </h2>
      <p>
        {encounter.levels.length > 0 && <>Levels {encounter.levels.join(', ')}{encounter.laterality ? ` (${encounter.laterality})` : ''}. </>}
        Baseline pain: {baseline ? <>{baseline.score} <span className="muted">({baseline.source}, {clinicDateTime(baseline.at, timeZone)})</span></> : <span className="muted">not recorded</span>}
      </p>

      {outcome.diaryResults.map((result) => {
        const diary = outcome.diaries.find((d) => d.id === result.diaryId)!;
        return (
          <div key={diary.id} className="diary">
            <DiaryChart diary={diary} result={result} thresholds={outcome.thresholds} timeZone={timeZone} />
            <VerdictList verdicts={result.verdicts} />
            <p className="record-by muted">
              Entered by {diary.by.name} ({diary.by.role}), {clinicDateTime(diary.at, timeZone)}{diary.notes ? `. Notes: ${diary.notes}` : ''}
            </p>
            <VoidControl what={`pain diary of ${clinicDateTime(diary.blockAt, timeZone)}`} onVoid={(reason) => voidRecord(encounter.id, 'diary', diary.id, reason)} />
          </div>
        );
      })}
      {outcome.diaries.filter((d) => d.voided).map((d) => (
        <p key={d.id} className="record-voided">
          Pain diary of {clinicDateTime(d.blockAt, timeZone)} voided by {d.voided!.by.name} ({d.voided!.by.role}), {clinicDateTime(d.voided!.at, timeZone)}: {d.voided!.reason}
        </p>
      ))}
      <ThresholdList thresholds={outcome.thresholds} />

      <FollowUpTable followUps={outcome.followUps} verdicts={outcome.followUpVerdicts} timeZone={timeZone}
        onVoid={(id, reason) => voidRecord(encounter.id, 'follow-up', id, reason)} />

      {outcome.canRecord ? (
        // Folded until asked for, so a patient with many procedures still reads as one page of results.
        <details className="record-forms" open={formsOpen}>
          <summary>Record {outcome.diaryExpected && !activeDiary ? 'the pain diary or a follow-up' : 'a follow-up'}</summary>
          {outcome.diaryExpected && !activeDiary && <DiaryForm encounterId={encounter.id} procedure={title} timeZone={timeZone} onSubmit={addDiary} />}
          <FollowUpForm encounterId={encounter.id} procedure={title} timeZone={timeZone} onSubmit={addFollowUp} />
        </details>
      ) : null}
      {outcome.canRecord ? (
        <PlanContactForm encounterId={encounter.id} procedure={title} plans={outcome.plans} onSubmit={schedule}
          onVoid={(id, reason) => voidRecord(encounter.id, 'plan', id, reason)} />
      ) : (
        <p className="muted">Follow-ups{outcome.diaryExpected ? ' and the pain diary' : ''} can be recorded once the procedure has been done.</p>
      )}
    </section>
  );
}
