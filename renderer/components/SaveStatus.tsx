/**
 * One way to say where a change stands, wherever something saves as you work
 * (checklist items, the consent discussion): "Saving…", "Saved 14:02:11" only
 * once the core has the write on disk, or "Not saved: why" as an alert. The
 * mark after the words (hidden from screen readers, which hear the words) keeps
 * the three apart at a glance in either theme; the words always come first so
 * tests and people read "Saved …" the same way.
 */
import { useClinicTime } from './useClinicTime';
export type SaveView = { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

export function SaveStatus({ save, what }: { save: SaveView | null | undefined; what?: string }) {
  const clock = useClinicTime();
  if (!save) return null;
  if (save.kind === 'failed') {
    return <span role="alert" className="save failed">Not saved: {save.message}<span aria-hidden="true"> ⚠</span></span>;
  }
  if (save.kind === 'saving') return <span className="save saving">{what ? `Saving ${what}…` : 'Saving…'}</span>;
  const at = clock.time(save.at);
  return <span className="save saved">{what ? `${capitalise(what)} saved ${at}` : `Saved ${at}`}<span aria-hidden="true"> ✓</span></span>;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
