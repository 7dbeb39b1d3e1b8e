/** A Connections form's state: its draft of one settings block, its errors by the core's paths, and its save. */
import { useState, type FormEvent } from 'react';
import type { Settings } from '#shared/contract/settings';
import { useUsers } from '../stores/users';
import { NumberReader } from './connections-draft';
import { useFormSave } from './useFormSave';

type Block = 'delivery' | 'schedule';

export function useConnectionForm<K extends Block, D>(block: K, convert: {
  toDraft: (stored: Settings[K]) => D;
  /** The block to send; numbers are read through `numbers`, and what the form does not edit is kept from `stored`. */
  fromDraft: (draft: D, numbers: NumberReader, stored: Settings[K]) => Settings[K];
  /** What the status line says once saved, from what the core stored. */
  summary: (saved: Settings[K]) => string;
}) {
  const settings = useUsers((s) => s.settings)!;
  const save = useUsers((s) => s.saveSettings);
  const [draft, setDraft] = useState<D>(() => convert.toDraft(settings[block]));
  const { errors, savedAt, check, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const numbers = new NumberReader();
    const value = convert.fromDraft(draft, numbers, settings[block]);
    if (!check(numbers.report())) return;
    await run(() => save({ [block]: value }), { onSaved: () => convert.summary(useUsers.getState().settings![block]) });
  }

  return {
    draft, errors, savedAt, submit,
    set: (changes: Partial<D>) => setDraft({ ...draft, ...changes }),
    /** The core's error for a field, by its path inside the block (e.g. 'mllp.port'). */
    error: (path: string): string | undefined => errors[`${block}.${path}`],
  };
}
