/** The clinic's settings: idle lock, INR threshold, time zone, note fields per procedure, the outbox folder and interop identifiers. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { SettingsRepository } from '../repositories/settings';
import type { AuditLog } from '../audit';
import type { Db } from '../connection';
import { outboxFolderProblem } from '../export/atomic-write';

export function settingsHandlers(deps: {
  db: Db; settings: SettingsRepository; audit: AuditLog; now: () => string;
  /** Whether a procedure template with this id exists (per-template note settings). */
  knownTemplate: (id: string) => boolean;
}): Pick<Handlers, 'settings.get' | 'settings.update'> {
  const { settings, audit, db, now, knownTemplate } = deps;
  return {
    'settings.get': () => settings.get(),
    'settings.update': (changes, { caller }) => {
      if (changes.outboxFolder) {
        const problem = outboxFolderProblem(changes.outboxFolder);
        if (problem) throw new CommandError('INVALID_INPUT', `The outbox folder cannot be used: ${problem}.`, [{ path: 'outboxFolder', message: problem }]);
      }
      if (changes.delivery?.folder) {
        const problem = outboxFolderProblem(changes.delivery.folder);
        if (problem) throw new CommandError('INVALID_INPUT', `The delivery folder cannot be used: ${problem}.`, [{ path: 'delivery.folder', message: problem }]);
      }
      if (changes.schedule?.hl7Inbox) {
        const problem = outboxFolderProblem(changes.schedule.hl7Inbox);
        if (problem) throw new CommandError('INVALID_INPUT', `The HL7 inbox folder cannot be used: ${problem}.`, [{ path: 'schedule.hl7Inbox', message: problem }]);
      }
      const unknownTemplates = Object.keys(changes.noteFieldsOff ?? {}).filter((id) => !knownTemplate(id));
      if (unknownTemplates.length) {
        throw new CommandError('INVALID_INPUT', `No procedure template ${unknownTemplates.join(', ')}.`, unknownTemplates.map((id) => ({ path: `noteFieldsOff.${id}`, message: 'unknown template' })));
      }
      db.transaction(() => {
        settings.update(changes, now(), caller.actor);
        audit.append({ at: now(), user: caller.actor, patientId: null, action: 'settings.update', target: `settings:${Object.keys(changes).join(',')}` });
      }).immediate();
      return settings.get();
    },
  };
}
