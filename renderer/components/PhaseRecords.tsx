import { findAnticoagulant } from '#shared/clinical/anticoagulant-table';
import { restartAt } from '#shared/domain/anticoagulant-check';
import { CLASS_LABEL } from '#shared/domain/bleeding-risk';
import { patientAntithrombotics } from '#shared/domain/anticoagulant-verdict';
import { anticoagulantCheck, injectatePlanRequired } from '#shared/domain/encounter-workflow';
import { latestOf, recordsOf } from '#shared/domain/record-access';
import type { Template } from '#shared/library/schema';
import { aldreteTotal } from '#shared/workflow/aldrete';
import { recoveryStartedAt } from '#shared/workflow/observation';
import { procedureTraits } from '#shared/workflow/traits';
import { useEncounter } from '../stores/encounter';
import { useWorkflow } from '../stores/workflow';
import { AldreteForm } from './AldreteForm';
import { ObservationTimer } from './ObservationTimer';
import { AnticoagulantSection } from './AnticoagulantSection';
import { DischargeInstructions } from './DischargeInstructions';
import { InjectatePlanSection } from './InjectatePlan';
import { ProcedureRecordForm } from './ProcedureRecordForm';
import { RecordHistory } from './RecordHistory';
import { SteroidLedgerFold } from './SteroidLedgerFold';
import { TimeOutSignOff } from './TimeOutSignOff';
import { VitalsForm } from './VitalsForm';
import { usePhaseBlockers } from './usePhaseBlockers';
import { TimeOutFolds } from './Fold';

/** The structured records of the current phase, and every record so far. */
export function PhaseRecords({ template, now }: { template: Template; now: string }) {
  const detail = useEncounter((s) => s.detail)!;
  const settings = useEncounter((s) => s.settings);
  const addRecord = useWorkflow((s) => s.addRecord);
  const voidRecord = useWorkflow((s) => s.voidRecord);
  const { encounter, records, transitions } = detail;
  const state = encounter.state;
  const closed = state === 'discharged' || state === 'cancelled';
  const inRecoverySince = recoveryStartedAt(transitions);
  const blockers = usePhaseBlockers(template, now);

  return (
    <div className="phase-records">
      {state === 'pre-procedure' && <AnticoagulantSection template={template} disabled={closed} />}
      {state === 'pre-procedure' && <VitalsForm phase="pre-procedure" onSubmit={(data) => addRecord({ kind: 'vitals', data })} />}
      {state === 'pre-procedure' && injectatePlanRequired(template) && <><SteroidLedgerFold /><InjectatePlanSection template={template} disabled={closed} /></>}
      {/* At the time-out, what pre-procedure recorded is read back: its forms fold, open while they hold a blocker. */}
      {state === 'time-out' && (
        <TimeOutFolds blockers={blockers}>
          {[
            ['Anticoagulants and bleeding-risk class', (id: string) => id.startsWith('anticoagulant-') || id === 'record-planned-start', <AnticoagulantSection key="a" template={template} disabled={closed} />],
            ...(injectatePlanRequired(template) ? [['Planned injectate', (id: string) => id === 'record-injectate-plan' || id.startsWith('steroid-'), <InjectatePlanSection key="i" template={template} disabled={closed} />] as const] : []),
          ]}
        </TimeOutFolds>
      )}
      {state === 'time-out' && (
        <TimeOutSignOff date={encounter.plannedDate} onSubmit={(data, password) => addRecord({ kind: 'time-out', data }, password)} />
      )}
      {state === 'procedure' && (
        <>
          <ProcedureRecordForm
            defaultImaging={encounter.imagingModality}
            plannedLevels={encounter.levels}
            traits={procedureTraits(template)}
            onSubmit={(data) => addRecord({ kind: 'procedure', data })}
          />
          <VitalsForm phase="procedure" onSubmit={(data) => addRecord({ kind: 'vitals', data })} />
        </>
      )}
      {state === 'recovery' && (
        <>
          {inRecoverySince && (
            <ObservationTimer
              templateId={template.id}
              sedated={encounter.sedationPlanned}
              since={inRecoverySince}
              now={now}
              timeZone={settings?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
            />
          )}
          <VitalsForm phase="recovery" onSubmit={(data) => addRecord({ kind: 'vitals', data })} />
          {encounter.sedationPlanned && (
            <>
              <AldreteForm onSubmit={(scores) => addRecord({ kind: 'aldrete', data: scores })} />
              {latestOf(records, 'aldrete') && <p role="status">Latest Aldrete score: {aldreteTotal(latestOf(records, 'aldrete')!.entry.data)} of 10</p>}
            </>
          )}
          {settings && <RestartTimes template={template} endedAt={inRecoverySince ?? now} settings={settings} now={now} />}
        </>
      )}
      {(state === 'recovery' || state === 'discharged') && settings && <DischargeInstructions template={template} detail={detail} settings={settings} now={now} />}
      <RecordHistory records={records} disabled={closed} timeZone={settings?.timeZone} onVoid={(id, reason) => voidRecord(id, reason)} />
    </div>
  );
}

/** When each anticoagulant may restart after the procedure, for the discharge instructions. */
function RestartTimes({ template, endedAt, settings, now }: { template: Template; endedAt: string; settings: { inrThreshold: number | null; timeZone: string }; now: string }) {
  const records = useEncounter((s) => s.detail!.records);
  const raises = useEncounter((s) => s.detail!.bleedingRiskRaises);
  const facts = useEncounter((s) => s.detail!.patientFacts.facts);
  // The patient's drugs (patient facts) and any entered on this encounter before patient facts existed.
  const drugs = [...patientAntithrombotics(facts), ...recordsOf(records, 'anticoagulant').map((r) => ({ id: r.id, ...r.entry.data }))];
  if (!drugs.length) return null;
  const { risk } = anticoagulantCheck(template, records, raises, settings, now);
  return (
    <section className="card" aria-label="Restarting anticoagulants">
      <h3>Restarting anticoagulants (for the discharge instructions)</h3>
      <p>At the encounter&apos;s bleeding-risk class: <strong>{CLASS_LABEL[risk.riskClass]}</strong>. {risk.text}.</p>
      <ul>
        {drugs.map((d) => {
          const r = restartAt(d.drugId, risk.riskClass, endedAt, settings.timeZone);
          return (
            <li key={d.id}>
              <strong>{findAnticoagulant(d.drugId)?.name ?? d.drugId}</strong>: {r.ruleText}
              {r.local ? `: not before ${r.local}` : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
