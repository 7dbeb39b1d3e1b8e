/**
 * The procedure-template schema. Templates are data: every clinical fact carries
 * the id of its source (see sources.ts) and the evidence tag the fact base gives it,
 * so each statement the app shows or exports can be traced back and reviewed.
 */
import { z } from 'zod';
import { FREQUENCY_IDS } from './frequency-scheme';
import { libraryText } from '../contract/text';

/** Evidence tags from shared/clinical/fact-reference.md. */
export const EvidenceSchema = z.enum(['V', 'V2', 'M', 'inference']);
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Where a fact comes from: a source id from the registry and the tag given there. */
export const SourceRefSchema = z.strictObject({
  sourceId: libraryText('the source id', 'line'),
  evidence: EvidenceSchema,
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

const sources = z.array(SourceRefSchema).min(1, 'every clinical fact needs at least one source');

/** Stable kebab-case ids: checklist state is stored against them. */
const ItemId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case');

/** A clinical statement as the clinician reads it, with its sources. */
export const FactSchema = z.strictObject({
  id: ItemId,
  text: libraryText('the text'),
  /** Plain-language wording for the patient, where the fact is said to the patient. */
  patientText: libraryText("the patient's wording").optional(),
  sources,
});
export type Fact = z.infer<typeof FactSchema>;

export const ImagingModalitySchema = z.enum(['fluoroscopy', 'ultrasound', 'ct']);
export type ImagingModality = z.infer<typeof ImagingModalitySchema>;

export const ContrastUseSchema = z.enum(['required', 'recommended', 'optional', 'not-used']);

export const ImagingOptionSchema = z.strictObject({
  modality: ImagingModalitySchema,
  isDefault: z.boolean(),
  contrast: ContrastUseSchema,
  note: libraryText('the note'),
  sources,
});

export const SeveritySchema = z.enum(['minor', 'moderate', 'serious', 'catastrophic']);
/** How often a risk happens: a band of the CIOMS III / SmPC convention, or 'unknown' (frequency-scheme.ts). */
export const FrequencySchema = z.enum(FREQUENCY_IDS);

export const RiskSchema = z.strictObject({
  id: ItemId,
  name: libraryText('the name', 'line'),
  clinicianText: libraryText("the clinician's wording"),
  patientText: libraryText("the patient's wording"),
  /** Only where a source states a figure; never estimated. */
  incidence: z
    .strictObject({ text: libraryText('the incidence'), sources })
    .optional(),
  severity: SeveritySchema,
  frequency: FrequencySchema,
  /** Infection, bleeding and temporary discomfort are counselled for every procedure. */
  universal: z.boolean(),
  sources,
});
export type Risk = z.infer<typeof RiskSchema>;

export const PhaseSchema = z.enum(['pre', 'intra', 'post']);
export type Phase = z.infer<typeof PhaseSchema>;

export const MonitoringStepSchema = FactSchema.extend({ phase: PhaseSchema });
export type MonitoringStep = z.infer<typeof MonitoringStepSchema>;

export const BleedingRiskClassSchema = z.enum(['low', 'intermediate', 'high']);

export const TemplateSchema = z
  .strictObject({
    id: ItemId,
    version: z.number().int().positive(),
    name: libraryText('the name', 'line'),
    category: libraryText('the category', 'line'),
    /** Spinal levels the physician can pick from, if the procedure is done at levels. */
    levels: z
      .strictObject({ options: z.array(libraryText('a level', 'line')).min(1), max: z.number().int().positive() })
      .nullable(),
    lateralityRequired: z.boolean(),
    conditions: z.array(libraryText('a condition', 'line')).min(1),
    indications: z.array(FactSchema).min(1),
    contraindications: z.strictObject({
      absolute: z.array(FactSchema).min(1),
      relative: z.array(FactSchema),
    }),
    imaging: z.strictObject({
      options: z.array(ImagingOptionSchema).min(1),
      /** Checks done in the Imaging section of the checklist. */
      checks: z.array(FactSchema),
    }),
    risks: z.array(RiskSchema).min(1),
    /** Counselling that must happen for this procedure (e.g. the FDA 2014 ESI warning). */
    requiredCounselling: z.array(FactSchema),
    monitoring: z.array(MonitoringStepSchema).min(1),
    bleedingRisk: z.strictObject({
      asra2018: z.strictObject({ class: BleedingRiskClassSchema, sources }),
      /** Shown only where ASIPP 2024 differs from ASRA 2018. */
      asipp2024: z.strictObject({ class: BleedingRiskClassSchema, note: libraryText('the note'), sources }).optional(),
    }),
    alternatives: z.array(FactSchema).min(1),
    expectedBenefit: FactSchema,
    followUp: z.array(FactSchema),
  })
  .superRefine((t, ctx) => {
    const defaults = t.imaging.options.filter((o) => o.isDefault).length;
    if (defaults !== 1) {
      ctx.addIssue({ code: 'custom', path: ['imaging', 'options'], message: `exactly one default imaging option is required, found ${defaults}` });
    }
    for (const kind of ['infection', 'bleeding', 'temporary-discomfort'] as const) {
      if (!t.risks.some((r) => r.universal && r.id === kind)) {
        ctx.addIssue({ code: 'custom', path: ['risks'], message: `universal risk "${kind}" is missing` });
      }
    }
    // Every fact id is unique in its template: checklist state and reviews are keyed by it.
    const ids = new Set<string>();
    const lists: [string, { id: string }[]][] = [
      ['indications', t.indications], ['contraindications.absolute', t.contraindications.absolute],
      ['contraindications.relative', t.contraindications.relative], ['imaging.checks', t.imaging.checks], ['risks', t.risks],
      ['requiredCounselling', t.requiredCounselling], ['monitoring', t.monitoring], ['alternatives', t.alternatives],
      ['expectedBenefit', [t.expectedBenefit]], ['followUp', t.followUp],
    ];
    for (const [list, items] of lists) {
      items.forEach((item, i) => {
        if (ids.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: list === 'expectedBenefit' ? [list, 'id'] : [...list.split('.'), i, 'id'], message: `duplicate fact id "${item.id}"` });
        }
        ids.add(item.id);
      });
    }
  });
export type Template = z.infer<typeof TemplateSchema>;
