import { lazy, Suspense, useEffect, useState } from 'react';
import { AppearanceControls } from './AppearanceControls';
import { useNavigation, type View } from '../stores/navigation';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';
import { AuditAlarmBanner } from './AuditAlarmBanner';
import { AuditScreen } from './AuditScreen';
import { BackgroundCheckStatus, CheckingScreen, DamageRecoveredNotice } from './CheckingScreen';
import { BackupsScreen } from './BackupsScreen';
import { EncounterScreen } from './EncounterScreen';
import { FollowUpsDueScreen } from './FollowUpsDueScreen';
import { LibraryScreen } from './LibraryScreen';
import { LocalStatus } from './LocalStatus';
import { LockScreen } from './LockScreen';
import { RecordsOutboxScreen } from './RecordsOutboxScreen';
import { RecoveryScreen } from './RecoveryScreen';
import { SignInScreen } from './SignInScreen';
import { UsersScreen } from './UsersScreen';
import { useIdleLock } from './useIdleLock';
import { WorklistScreen } from './WorklistScreen';

/**
 * The outcomes screen and its charts (recharts: over a third of the bundle) load when
 * first opened: the worklist and the checklist, used all day, start without
 * parsing them. The chunk is a file beside the bundle, so it needs no network.
 */
const OutcomesScreen = lazy(() => import('./OutcomesScreen').then((m) => ({ default: m.OutcomesScreen })));

/** Patient data is for the clinical roles; the administrator manages accounts and settings. */
const CLINICAL = new Set(['nurse', 'physician']);

export function App() {
  const phase = useSession((s) => s.phase);
  const user = useSession((s) => s.user);
  const idleLockMinutes = useSession((s) => s.idleLockMinutes);
  const loadSession = useSession((s) => s.load);
  const lock = useSession((s) => s.lock);
  const switchUser = useSession((s) => s.switchUser);
  const view = useNavigation((s) => s.view);
  const go = useNavigation((s) => s.go);

  const recovery = useRecovery((s) => s.status);
  const loadRecovery = useRecovery((s) => s.load);
  useEffect(() => {
    void loadRecovery();
  }, [loadRecovery]);
  // Asked again when recovery ends: in recovery mode there are no accounts to ask about.
  const mode = recovery?.mode;
  useEffect(() => {
    if (mode === 'ready') void loadSession().catch(() => undefined);
  }, [mode, loadSession]);
  // Asked again at each sign-in: an audit trail alarm raised while the app ran shows to whoever comes next.
  useEffect(() => {
    if (phase === 'active') void loadRecovery();
  }, [phase, loadRecovery]);

  // The window title never names a patient, and says when the session is locked.
  useEffect(() => {
    document.title = phase === 'locked' ? 'ProcedureDesk (locked)' : 'ProcedureDesk';
  }, [phase]);

  // `lock` is the store's own function, stable across renders, so re-renders never restart the timer.
  useIdleLock(phase === 'active', idleLockMinutes, lock);
  const [damageRead, setDamageRead] = useState(false);

  if (recovery?.mode === 'recovery') return <RecoveryScreen status={recovery} />;
  if (recovery?.mode === 'checking') return <CheckingScreen status={recovery} />;
  if (recovery?.damageAfterCheck && !damageRead) return <DamageRecoveredNotice found={recovery.damageAfterCheck} onContinue={() => setDamageRead(true)} />;
  // The check after a crash runs in the background: one line, on every screen, until it passes.
  const checkLine = recovery?.check ? <BackgroundCheckStatus check={recovery.check} /> : null;
  if (phase === 'loading') return <main className="start" aria-busy="true" />;
  if (phase === 'locked') return <LockScreen />;
  if (phase !== 'active' || !user) return <>{checkLine}<SignInScreen /></>;

  const clinical = CLINICAL.has(user.role);
  const records = user.role === 'records';
  const home: View = { name: clinical ? 'worklist' : records ? 'records' : 'users' };
  // The screen last open in this window may not be one this user's role can see: fall back to its home.
  const allowed =
    (view.name === 'worklist' || view.name === 'encounter' || view.name === 'outcomes' || view.name === 'followUpsDue') ? clinical
      : view.name === 'users' ? user.role === 'admin'
        : view.name === 'audit' ? user.role === 'admin' || user.role === 'physician'
          : view.name === 'records' ? clinical || records
            : view.name === 'backups' ? !records
              : true;
  const current: View = allowed ? view : home;
  const link = (name: 'worklist' | 'library' | 'audit' | 'backups' | 'users' | 'records' | 'followUpsDue', label: string) => (
    <button type="button" className="navlink" aria-current={current.name === name ? 'page' : undefined} onClick={() => go({ name })}>
      {label}
    </button>
  );
  return (
    <div className="app">
      {checkLine}
      <header className="topbar">
        <button type="button" className="brand" onClick={() => go(home)}>
          ProcedureDesk
        </button>
        <nav aria-label="Main" className="mainnav">
          {clinical && link('worklist', 'Worklist')}
          {clinical && (
            <button type="button" className="navlink" aria-current={current.name === 'outcomes' ? 'page' : undefined} onClick={() => go({ name: 'outcomes', patientId: null })}>
              Outcomes
            </button>
          )}
          {clinical && link('followUpsDue', 'Follow-ups due')}
          {records && link('records', 'Chart outbox')}
          {link('library', 'Procedure library')}
          {(user.role === 'admin' || user.role === 'physician') && link('audit', 'Audit trail')}
          {!records && link('backups', 'Backups')}
          {user.role === 'admin' && link('users', 'Users & settings')}
        </nav>
        <LocalStatus />
        <AppearanceControls />
        {/* Name over role: the name must stay whole at 1366 px with every button beside it. */}
        <span className="who" aria-label="Current user">
          <span className="who-name">{user.displayName}</span>
          <span className="visually-hidden"> · </span>
          <span className="who-role">{user.role}</span>
        </span>
        <button type="button" className="secondary" onClick={() => void lock()} title="Lock now (the session also locks after idle time)">
          Lock
        </button>
        {/* One way out, which is also the hand-over: the session ends and the sign-in waits for the next user. */}
        <button type="button" className="secondary" onClick={() => void switchUser()} title="Sign out: the next user signs in here">
          Sign out
        </button>
      </header>
      {user.createdForSelf && (
        <p className="self-made-banner" role="note">
          Account created by administrator {user.createdBy} for themself: shown here, on the users list and in the audit trail.
        </p>
      )}
      <main>
        {recovery?.auditAlarm && <AuditAlarmBanner alarm={recovery.auditAlarm} isAdmin={user.role === 'admin'} onReview={() => go({ name: 'audit' })} />}
        {current.name === 'encounter' ? (
          <EncounterScreen encounterId={current.encounterId} />
        ) : current.name === 'outcomes' ? (
          <Suspense fallback={<p role="status">Opening outcomes…</p>}>
            <OutcomesScreen patientId={current.patientId} />
          </Suspense>
        ) : current.name === 'library' ? (
          <LibraryScreen />
        ) : current.name === 'audit' ? (
          <AuditScreen />
        ) : current.name === 'backups' ? (
          <BackupsScreen />
        ) : current.name === 'users' ? (
          <UsersScreen />
        ) : current.name === 'followUpsDue' ? (
          <FollowUpsDueScreen />
        ) : current.name === 'records' ? (
          <RecordsOutboxScreen />
        ) : (
          <WorklistScreen />
        )}
      </main>
    </div>
  );
}
