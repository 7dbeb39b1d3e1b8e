/** The bundled procedure library: seeded into the database as version 1 of each template. */
import { caudalEsi } from './templates/caudal-esi';
import { cervicalFacetIa } from './templates/cervical-facet-ia';
import { cervicalIlEsi } from './templates/cervical-il-esi';
import { cervicalTfesi } from './templates/cervical-tfesi';
import { cervicalMbb } from './templates/cervical-mbb';
import { cervicalRfa } from './templates/cervical-rfa';
import { genicularRfa } from './templates/genicular-rfa';
import { gonBlock } from './templates/gon-block';
import { lumbarFacetIa } from './templates/lumbar-facet-ia';
import { lumbarIlEsi } from './templates/lumbar-il-esi';
import { lumbarMbb } from './templates/lumbar-mbb';
import { lumbarRfa } from './templates/lumbar-rfa';
import { lumbarSympatheticBlock } from './templates/lumbar-sympathetic-block';
import { lumbarTfesi } from './templates/lumbar-tfesi';
import { peripheralNerveBlock } from './templates/peripheral-nerve-block';
import { scsImplant } from './templates/scs-implant';
import { scsTrial } from './templates/scs-trial';
import { sijInjection } from './templates/sij-injection';
import { stellateGanglionBlock } from './templates/stellate-ganglion-block';
import { thoracicIlEsi } from './templates/thoracic-il-esi';
import { triggerPointInjection } from './templates/trigger-point-injection';
import type { Template } from './schema';
import { SOURCES } from './sources';
import type { Source } from './source-schema';

export const LIBRARY: readonly Template[] = [
  // Epidural steroid injections
  cervicalIlEsi,
  thoracicIlEsi,
  lumbarIlEsi,
  cervicalTfesi,
  lumbarTfesi,
  caudalEsi,
  // Facet joint, medial branch, radiofrequency ablation
  lumbarFacetIa,
  cervicalFacetIa,
  lumbarMbb,
  cervicalMbb,
  lumbarRfa,
  cervicalRfa,
  genicularRfa,
  // Sacroiliac joint, sympathetic and peripheral blocks
  sijInjection,
  stellateGanglionBlock,
  lumbarSympatheticBlock,
  gonBlock,
  peripheralNerveBlock,
  triggerPointInjection,
  // Neuromodulation
  scsTrial,
  scsImplant,
];

const byId = new Map(SOURCES.map((s) => [s.id, s]));

export function findSource(id: string): Source | undefined {
  return byId.get(id);
}

/** Every source a template cites, in first-cited order. */
export function sourcesCitedBy(template: Template): Source[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.sourceId === 'string') ids.add(record.sourceId);
      Object.values(record).forEach(visit);
    }
  };
  visit(template);
  return [...ids].map((id) => byId.get(id) ?? { id, citation: `No verified primary source: unknown source "${id}"`, reliability: 'low' as const });
}
