/**
 * Seeds the bundled library at start-up, in one transaction. A bundled version whose number a
 * clinic's own version already took arrives under a new number: logged and audited, so the
 * clinic can see why its library gained a version it did not publish.
 */
import type { Template } from '#shared/library/schema';
import type { Db } from './connection';
import { SYSTEM_ACTOR, type AuditEvent } from './audit';
import type { TemplateRepository } from './repositories/templates';

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
