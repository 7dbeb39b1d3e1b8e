/** Checklist item state: each change is saved durably the moment it is made. */
import { z } from 'zod';
import { ActorSchema, IdSchema, TimestampSchema } from './common';
import { shortText, storedText } from './text';
import { CLINICAL, method, onEncounter } from './method-spec';

export const ItemStatusSchema = z.enum(['checked', 'not-applicable', 'unchecked']);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const ChecklistItemStateSchema = z.object({
  itemId: z.string(),
  status: ItemStatusSchema,
  reason: storedText.nullable(),
  updatedAt: TimestampSchema,
  updatedBy: ActorSchema,
});
export type ChecklistItemState = z.infer<typeof ChecklistItemStateSchema>;

/** One change of one item: who changed it from what to what, and when (append-only). */
export const ItemChangeSchema = z.object({
  itemId: z.string(),
  from: ItemStatusSchema.nullable(),
  to: ItemStatusSchema,
  reason: storedText.nullable(),
  at: TimestampSchema,
  by: ActorSchema,
});
export type ItemChange = z.infer<typeof ItemChangeSchema>;

export const SetItemInputSchema = z
  .strictObject({
    encounterId: IdSchema,
    itemId: shortText('the item id', { min: 1, max: 100 }),
    status: ItemStatusSchema,
    /** Required when marking an item not applicable; refused otherwise. */
    reason: shortText('the reason', { max: 500 }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'not-applicable' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required to mark an item not applicable' });
    }
    if (v.status !== 'not-applicable' && v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is only recorded for not-applicable items' });
    }
  });
export type SetItemInput = z.infer<typeof SetItemInputSchema>;

/** Several items of one encounter checked at once: a section or the risks confirmed as a group. */
export const SetItemsInputSchema = z.strictObject({
  encounterId: IdSchema,
  itemIds: z
    .array(shortText('the item id', { min: 1, max: 100 }))
    .min(1, 'name at least one item to confirm')
    .max(200, 'at most 200 items are confirmed at once')
    .refine((ids) => new Set(ids).size === ids.length, 'each item is named once'),
  status: z.literal('checked'),
});
export type SetItemsInput = z.infer<typeof SetItemsInputSchema>;

export const CHECKLIST_METHODS = {
  'checklist.setItem': method({
    summary: 'Check, un-check or mark not applicable (with a reason) one checklist item.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/item:${String(i.itemId)}`) },
    input: SetItemInputSchema,
    output: ChecklistItemStateSchema,
  }),
  'checklist.setItems': method({
    summary: 'Check several items of one encounter in one write (a group confirmation); each change is its own history entry, and one refused item refuses them all.',
    writes: true,
    access: CLINICAL,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/items:${(i.itemIds as string[]).join(',')}`) },
    input: SetItemsInputSchema,
    output: z.array(ChecklistItemStateSchema),
  }),
} as const;
