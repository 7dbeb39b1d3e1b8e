/**
 * Helpers that build the SourceRef of a fact stated in code (e.g. shared/workflow/): a source
 * id from sources.ts plus the evidence tag shared/clinical/fact-reference.md gives the fact,
 * so the tags are spelled one way. The library's own facts are data (shared/library/data/).
 */
import type { SourceRef } from './schema';

/** [V]: verified against the primary source or a faithful copy. */
export const V = (sourceId: string): SourceRef => ({ sourceId, evidence: 'V' });
/** [V2]: seen only in a secondary summary; shown as "secondary source". */
export const V2 = (sourceId: string): SourceRef => ({ sourceId, evidence: 'V2' });
/** [M]: unverified; shown as "needs clinical review". */
export const M = (sourceId: string): SourceRef => ({ sourceId, evidence: 'M' });
/** Not stated for this procedure in the fact base; carried over and needs clinical review. */
export const I = (sourceId: string): SourceRef => ({ sourceId, evidence: 'inference' });
