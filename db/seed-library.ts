/**
 * Seeds the bundled library at start-up, in one transaction. A bundled version whose number a
 * clinic's own version already took arrives under a new number: logged and audited, so the
 * clinic can see why its library gained a version it did not publish.
 */
import type { Template } from '#shared/library/schema';
import type { Db } from './connection';
import type { AuditEvent } from './audit';
import type { TemplateRepository } from './repositories/templates';

/** Who the audit trail names for what the app does on its own at start-up. */
export const SYSTEM_ACTOR = { name: 'ProcedureDesk', role: 'system' } as const;

export interface SeedDeps {
  db: Db;
  templates: TemplateRepository;
  audit: { append(e: AuditEvent): void };
  now: () => string;
  log: (message: string) => void;
}

export function seedLibrary(library: readonly Template[], deps: SeedDeps): void {
  deps.db.transaction(() => {
    for (const template of library) {
      const at = deps.now();
      const { outcome, storedVersion } = deps.templates.seed(template, at);
      if (outcome !== 'renumbered') continue;
      deps.log(`bundled ${template.id} version ${template.version} is stored as version ${storedVersion}: the clinic's own version ${template.version} keeps its number`);
      deps.audit.append({
        at, user: SYSTEM_ACTOR, patientId: null, action: 'library.seedRenumbered',
        target: `template:${template.id}/version:${storedVersion}/bundled-version:${template.version}`,
      });
    }
  }).immediate();
}
