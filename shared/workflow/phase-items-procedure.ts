// The procedure items of the procedure day, as data (the why of the list: phase-items.ts).
import { I, V, V2 } from '../library/evidence';
import { WHO, type WorkflowItem } from './phase-items-type';

// Procedure: the record of what was done was made (WHO Sign Out: "the name of the procedure
// recorded"). The fact base lists no recording elements beyond that; each element below is
// carried over from it, so each shows as needing clinical review.
export const PROCEDURE: WorkflowItem[] = [
  {
    id: 'wf-imaging-modality-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Imaging modality used recorded',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-contrast-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Contrast use recorded (or none used)',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO), V2('lcd-l33906')],
  },
  {
    id: 'wf-fluoroscopy-time-dose-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Fluoroscopy time and radiation dose recorded',
    required: true,
    by: 'physician',
    when: 'fluoroscopy',
    sources: [I(WHO)],
  },
  {
    id: 'wf-medications-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Medications injected recorded (drug and dose)',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-levels-treated-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Levels or sites treated (and side) recorded',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-procedure-complications-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Complications during the procedure recorded (or none)',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-sign-out',
    phase: 'procedure',
    section: 'procedure',
    label: 'Sign out: equipment problems noted; key concerns for recovery reviewed by physician and nurse',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(WHO)],
  },
];
