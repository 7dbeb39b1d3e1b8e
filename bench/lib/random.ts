/**
 * Deterministic randomness and ids for generated data: the same seed gives the
 * same database, so runs on different days compare like with like.
 */

/** mulberry32: small, fast, good enough for picking names and dates. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like pick: index 0 most often, the tail rarely (how surnames are spread). */
export function zipfPick<T>(items: readonly T[], random: () => number): T {
  const i = Math.floor(items.length * random() ** 2.2);
  return items[Math.min(i, items.length - 1)]!;
}

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * Time-ordered UUIDs (version 7 layout): a 48-bit counter where v7 keeps the
 * time, then random bits. Ordered ids append to the primary-key B-trees, which
 * makes generating millions of rows fast; the app itself uses random v4 ids,
 * whose trees are somewhat less densely packed (see RESULTS.md).
 */
export function orderedIds(start: number, random: () => number): () => string {
  let n = start;
  return () => {
    n += 1;
    const high = Math.floor(n / 0x10000);
    const low = n % 0x10000;
    const r1 = Math.floor(random() * 0x1000);
    const r2 = Math.floor(random() * 0x1000);
    const r3 = Math.floor(random() * 0x1000000);
    const r4 = Math.floor(random() * 0x1000000);
    return `${hex(high, 8)}-${hex(low, 4)}-7${hex(r1, 3)}-${(8 + (r2 >> 10)).toString(16)}${hex(r2 & 0x3ff, 3)}-${hex(r3, 6)}${hex(r4, 6)}`;
  };
}
