import { useEffect } from 'react';
import { useNavigation } from '../stores/navigation';
import { useRecovery } from '../stores/recovery';
import { RecoveryScreen } from './RecoveryScreen';
import { useSession } from '../stores/session';
import { AuditScreen } from './AuditScreen';
import { BackupsScreen } from './BackupsScreen';
import { EncounterScreen } from './EncounterScreen';
import { LibraryScreen } from './LibraryScreen';
import { StartScreen } from './StartScreen';
import { WorklistScreen } from './WorklistScreen';

export function App() {
  const actor = useSession((s) => s.actor);
  const switchUser = useSession((s) => s.switchUser);
  const view = useNavigation((s) => s.view);
  const go = useNavigation((s) => s.go);

  const recovery = useRecovery((s) => s.status);
  const loadRecovery = useRecovery((s) => s.load);
  useEffect(() => {
    void loadRecovery();
  }, [loadRecovery]);

  if (!actor) return <StartScreen />;
  if (recovery?.mode === 'recovery') return <RecoveryScreen status={recovery} />;
  return (
    <div className="app">
      <header className="topbar">
        <button type="button" className="brand" onClick={() => go({ name: 'worklist' })}>
          ProcedureDesk
        </button>
        <nav aria-label="Main" className="mainnav">
          <button type="button" className="navlink" aria-current={view.name === 'worklist' ? 'page' : undefined} onClick={() => go({ name: 'worklist' })}>
            Worklist
          </button>
          <button type="button" className="navlink" aria-current={view.name === 'library' ? 'page' : undefined} onClick={() => go({ name: 'library' })}>
            Procedure library
          </button>
          <button type="button" className="navlink" aria-current={view.name === 'audit' ? 'page' : undefined} onClick={() => go({ name: 'audit' })}>
            Audit trail
          </button>
          <button type="button" className="navlink" aria-current={view.name === 'backups' ? 'page' : undefined} onClick={() => go({ name: 'backups' })}>
            Backups
          </button>
        </nav>
        <span className="who" aria-label="Current user">
          {actor.name} · {actor.role}
        </span>
        <button type="button" className="secondary" onClick={switchUser}>
          Switch user
        </button>
      </header>
      <main>
        {view.name === 'encounter' ? <EncounterScreen encounterId={view.encounterId} /> : view.name === 'library' ? <LibraryScreen /> : view.name === 'audit' ? <AuditScreen /> : view.name === 'backups' ? <BackupsScreen /> : <WorklistScreen />}
      </main>
    </div>
  );
}
