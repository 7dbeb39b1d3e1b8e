/**
 * The phase in which each template checklist item can really be done, keyed by fact id
 * (the checklist id), with the reason. Published template versions are locked by hash
 * (shared/library/library-lock.test.ts), so the phase lives here rather than in them.
 *
 * Sections whose items are all done at one moment keep their section's phase
 * (SECTION_PHASE in requirements.ts); the imaging and intra-procedure monitoring
 * sections mix what is planned before the time-out, checked at it, and done during
 * the procedure, so each of their items is listed here, and a test fails on any item
 * of any published version left out (template-item-phases.test.ts).
 */
import type { WorkPhase } from './states';

export interface ItemPhase {
  phase: WorkPhase;
  /** Why the item belongs there: what act it records and when that act happens. */
  reason: string;
}

const PLAN = 'a choice made or reviewed before the time-out';
const DURING = 'done or seen during the procedure, after the time-out';
const AT_TIME_OUT = 'checked at the time-out, immediately before starting';

const pre = (reason = PLAN): ItemPhase => ({ phase: 'pre-procedure', reason });
const during = (reason = DURING): ItemPhase => ({ phase: 'procedure', reason });
const atTimeOut = (reason = AT_TIME_OUT): ItemPhase => ({ phase: 'time-out', reason });

export const TEMPLATE_ITEM_PHASES: Readonly<Record<string, ItemPhase>> = {
  // Imaging section: planning and review before the time-out.
  'steroid-choice-interlaminar-caudal': pre('the steroid type is chosen with the planned injectate'),
  'steroid-dose-reviewed': pre('the dose is reviewed with the planned injectate'),
  'prior-mri-ct-epidural-space': pre('prior imaging is reviewed before the day\'s procedure'),
  'nonparticulate-steroid-only': pre('the steroid is chosen with the planned injectate, which the time-out checks'),
  'nonparticulate-steroid-initial': pre('the steroid is chosen with the planned injectate, which the time-out checks'),
  'corticosteroid-cluster-not-migraine': pre('whether to add a corticosteroid is planned before the time-out'),
  'no-corticosteroid-added': pre('whether to add a corticosteroid is planned before the time-out'),
  'corticosteroid-decision-guideline': pre('whether to add a corticosteroid is planned before the time-out'),
  'no-glucocorticoid': pre('whether to add a glucocorticoid is planned before the time-out'),
  'steroid-placement-and-dose': pre('the corticosteroid placement is planned before the time-out'),
  'pneumothorax-risk-site': pre('the risk is recognised before needling, when the site is planned'),
  // Imaging section: checked at the time-out.
  'steroid-type-confirmed-time-out': atTimeOut('the item itself says it is confirmed at the time-out'),
  'essential-imaging-displayed': atTimeOut('WHO Time Out: essential imaging displayed before starting'),
  // Imaging section: acts of the procedure itself.
  'image-guidance-with-contrast': during('image guidance and contrast are used during the injection'),
  'avoid-heavy-sedation': during('the sedation given during the injection'),
  'contrast-intravascular-check': during('contrast is injected under fluoroscopy during the procedure'),
  'cervical-interlaminar-level': during('the level at which the needle is placed'),
  'interlaminar-views-contrast-test-dose': during('the views and contrast test dose are taken during the procedure'),
  'low-injectate-volume': during('the volume injected during the procedure'),
  'local-anesthetic-recorded': during('records the local anaesthetic actually used'),
  'contrast-real-time-before-steroid': during('contrast is injected under live fluoroscopy during the procedure'),
  'local-anesthetic-test-dose': during('the test dose is given during the procedure, before the steroid'),
  'extension-tubing': during('the tubing is used for the injection itself'),
  'genicular-targets': during('records the nerves actually targeted'),
  'occipital-artery-located': during('the artery is located at the needle site, before injecting'),
  'contrast-spread-no-vascular-filling': during('the contrast spread is seen during the procedure'),
  'target-nerve-vessels-identified': during('the nerve and vessels are identified at the needle site, before injecting'),
  'contrast-intra-articular-spread': during('contrast is injected under fluoroscopy during the procedure'),
  'lead-placement-technique': during('records how the lead(s) were actually placed'),
  'vertebral-level-by-imaging': during('the level is located with intraoperative imaging'),
  'fluoroscopic-epidural-lead-placement': during('the lead(s) are placed during the procedure'),
  'image-guidance-used': during('image guidance is used during the injection'),
  'intravascular-injection-excluded': during('contrast is injected under fluoroscopy during the procedure'),
  'trigger-point-palpated': during('the trigger point is palpated at the needle site'),
  // Intra-procedure monitoring: checked at the time-out.
  'time-out': atTimeOut('the time-out itself'),
  'resuscitation-equipment': atTimeOut('equipment must be available before starting'),
  'reversal-agents-available': atTimeOut('oxygen and reversal agents must be available before sedation starts'),
  'antibiotic-prophylaxis-check': atTimeOut('the item itself says it is checked at the time-out (WHO Time Out)'),
  // Intra-procedure monitoring: during the procedure.
  'sedation-monitoring': during('monitoring while the patient is sedated'),
  'grounding-pad-placement': during('checked before RF energy is used, during the procedure'),
  'temperature-probes': during('placed on the leg to see the block take effect during the procedure'),
  'who-sign-out': during('WHO Sign Out: before the patient leaves the room, at the end of the procedure'),
};
