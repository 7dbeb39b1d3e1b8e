/**
 * The parts of a FHIR R4 Appointment search the schedule import reads (GET [base]/Appointment?date=…&
 * location=…&_include=Appointment:patient), as zod schemas: a searchset Bundle, Appointment and Patient.
 * Elements not named here are ignored; those named must have their R4 types (hl7.org/fhir/R4/bundle.html,
 * appointment.html, patient.html), or the resource is refused with the element named.
 */
import { z } from 'zod';
import { DateSchema } from './common';

const Reference = z.object({ reference: z.string().max(500).optional(), display: z.string().max(500).optional() });
const Coding = z.object({ system: z.string().max(500).optional(), code: z.string().max(200).optional(), display: z.string().max(500).optional() });
const CodeableConcept = z.object({ coding: z.array(Coding).max(50).optional(), text: z.string().max(500).optional() });
export const FhirIdentifierSchema = z.object({ system: z.string().max(500).optional(), value: z.string().max(200).optional() });

export const FhirAppointmentSchema = z.object({
  resourceType: z.literal('Appointment'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id'),
  /** R4 AppointmentStatus (required binding). */
  status: z.enum(['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist']),
  identifier: z.array(FhirIdentifierSchema).max(50).optional(),
  /** R4 instant: a date-time with seconds and a zone (required when status is booked, app-3). */
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be a FHIR instant (with seconds and a time zone)')
    .refine((s) => DateSchema.safeParse(s.slice(0, 10)).success && !Number.isNaN(Date.parse(s)), 'is not a real date').optional(),
  serviceType: z.array(CodeableConcept).max(50).optional(),
  description: z.string().max(2000).optional(),
  participant: z.array(z.object({ actor: Reference.optional() })).min(1, 'has no participants').max(100),
});
export type FhirAppointment = z.infer<typeof FhirAppointmentSchema>;

export const FhirPatientSchema = z.object({
  resourceType: z.literal('Patient'),
  id: z.string().max(64).optional(),
  identifier: z.array(FhirIdentifierSchema).max(50).optional(),
  name: z.array(z.object({ use: z.string().optional(), family: z.string().max(200).optional(), given: z.array(z.string().max(200)).max(10).optional() })).max(20).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: DateSchema.optional(),
  /** The languages the patient communicates in (R4 Patient.communication); a CodeableConcept each. */
  communication: z.array(z.object({
    language: z.object({
      coding: z.array(z.object({ system: z.string().max(200).optional(), code: z.string().max(60).optional(), display: z.string().max(200).optional() })).max(10).optional(),
      text: z.string().max(200).optional(),
    }),
    preferred: z.boolean().optional(),
  })).max(20).optional(),
});
export type FhirPatient = z.infer<typeof FhirPatientSchema>;

export const FhirSearchBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  link: z.array(z.object({ relation: z.string(), url: z.string() })).optional(),
  entry: z.array(z.object({
    fullUrl: z.string().max(1000).optional(),
    resource: z.object({ resourceType: z.string(), id: z.string().optional() }).passthrough(),
  })).max(5000).optional(),
});
export type FhirSearchBundle = z.infer<typeof FhirSearchBundleSchema>;
