/**
 * How each imaging modality is written, on every screen and in the note: one
 * map, so the form a nurse fills in and the chart a records clerk reads say
 * the same word.
 */
import type { ImagingModality } from '../library/schema';

export const IMAGING_MODALITY_LABELS: Readonly<Record<ImagingModality, string>> = {
  fluoroscopy: 'Fluoroscopy',
  ultrasound: 'Ultrasound',
  ct: 'CT',
};
