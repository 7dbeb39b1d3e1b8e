/**
 * Moves the audit seal forward without holding a call's answer for it (issue 21
 * point 4: its flush was a second fsync per save, as long as the commit itself).
 * The change and its audit entry are durable in the database before the answer;
 * the seal follows a moment later, written in place into its older slot on
 * libuv's thread pool, one write at a time, the newest waiting position next
 * (the ones between are skipped: the seal only has to reach the head).
 *
 * A crash in between leaves the seal behind the trail, which start-up has always
 * accepted: the entries after it are checked link by link, then sealed. What is
 * given up: entries cut from the end of the trail within that moment (under a
 * millisecond here; a burst of calls at most) would not be noticed. A seal that
 * starts again (first use, restore, acknowledged alarm) and the last one at close
 * are still written whole before going on (audit-seal.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SEAL_FILE, SEAL_FILE_BYTES, sealSlot, writeSeal, type Seal } from './audit-seal';

/** Where the trail is sealed; the writer numbers each seal it writes. */
export type SealPosition = Omit<Seal, 'counter'>;

export function createSealWriter(keyDir: string, key: Buffer, log: (message: string) => void) {
  const file = path.join(keyDir, SEAL_FILE);
  let onDisk: Seal | null = null;
  let writing: Seal | null = null;
  let waiting: SealPosition | null = null;
  /** The newest position handed over, written or not. */
  let latest: SealPosition | null = null;
  /** After close: a write still in flight finishes quietly, and nothing new starts. */
  let closed = false;
  /** An earlier version's one-seal file has no slots: the first move writes it whole. */
  let twoSlots = false;
  /** Raised by every whole write: an in-place write begun before it went to the replaced file. */
  let generation = 0;
  let idle: (() => void)[] = [];

  const nextCounter = (): number => Math.max(onDisk?.counter ?? 0, writing?.counter ?? 0) + 1;

  function whole(position: SealPosition): Seal {
    latest = position;
    const seal = { counter: nextCounter(), ...position };
    writeSeal(keyDir, key, seal);
    generation++;
    twoSlots = true;
    onDisk = seal;
    return seal;
  }

  /** Opened for each write and closed after it: no handle is held on the key folder between calls. */
  async function inPlace(seal: Seal, gen: number): Promise<void> {
    const h = await fs.promises.open(file, 'r+');
    try {
      const { text, offset } = sealSlot(key, seal);
      await h.write(text, offset, 'latin1');
      await h.datasync();
    } finally {
      await h.close();
    }
    if (gen !== generation) throw new Error('replaced meanwhile');
    if (!onDisk || seal.counter > onDisk.counter) onDisk = seal;
  }

  function pump(): void {
    if (writing) return;
    if (!waiting || closed) {
      const done = idle;
      idle = [];
      for (const resolve of done) resolve();
      return;
    }
    const position = waiting;
    waiting = null;
    if (!twoSlots) {
      try {
        whole(position);
      } catch (error) {
        log(`the audit seal could not be written (${error instanceof Error ? error.message : String(error)}); it will be after the next change`);
      }
      return pump();
    }
    const seal = { counter: nextCounter(), ...position };
    writing = seal;
    inPlace(seal, generation)
      .catch((error: unknown) => {
        if (closed || (error instanceof Error && error.message === 'replaced meanwhile')) return;
        log(`the audit seal could not be moved forward (${error instanceof Error ? error.message : String(error)}); it will be after the next change`);
      })
      .finally(() => {
        writing = null;
        pump();
      });
  }

  return {
    /** The seal read at start-up, as it is on disk. */
    adopt(seal: Seal): void {
      onDisk = seal;
      latest = seal;
      twoSlots = fs.statSync(file).size === SEAL_FILE_BYTES;
    },
    /** Starts again (first use, restore, acknowledged alarm): written whole, durably, before returning. */
    writeWhole: (position: SealPosition): Seal => whole(position),
    /** Forward over entries already checked: written after the caller's answer, the newest first. */
    move(position: SealPosition): void {
      waiting = latest = position;
      pump();
    },
    /** The seal on disk may show the one last written, or the one being written (a torn slot reads as the one before). */
    mayShow: (counter: number): boolean => counter === onDisk?.counter || counter === writing?.counter,
    /** The newest seal written or being written. */
    newest: (): Seal | null => (writing && (!onDisk || writing.counter > onDisk.counter) ? writing : onDisk),
    /** Resolves once nothing is waiting or being written. */
    settled(): Promise<void> {
      if (!writing && !waiting) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    /** At close: the newest position, unless already on disk with nothing in flight, written whole now. */
    flush(): void {
      closed = true;
      const position = latest;
      waiting = null;
      const done = !writing && onDisk !== null && position !== null && onDisk.seq === position.seq && onDisk.hash === position.hash && onDisk.since === position.since;
      if (position && !done) whole({ seq: position.seq, hash: position.hash, since: position.since });
      pump();
    },
  };
}
export type SealWriter = ReturnType<typeof createSealWriter>;
