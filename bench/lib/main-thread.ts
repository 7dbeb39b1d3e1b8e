/**
 * How long the main thread was held at once while some work ran: the longest gap
 * between ticks of a 1 ms timer. Every call the app serves (a checklist click
 * included) waits at most that long.
 */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; longest: number }> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    const value = await work();
    return { value, longest: Math.max(longest, performance.now() - last) };
  } finally {
    clearInterval(probe);
  }
}
