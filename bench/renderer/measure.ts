/**
 * Timing in the page, with performance marks. An interaction's "next frame"
 * time is the app's work for it: from the page starting to handle the input
 * event (a capture listener on document, before anyone else) to the end of its
 * handling (a bubble listener on window, after React's own listeners on the
 * root and its synchronous re-render), with style and layout forced. That is
 * what must fit in a frame for the next one to show the change; paint and the
 * machine's scheduling are left out (on a busy shared machine they dominate).
 * "settled" is wall time until the screen shows the result (the search
 * results, "Saved") after the fake core's immediate answer, frames included.
 * The wait before handling (event timestamp to handler) is kept as "delay", and
 * Chromium's Event Timing API (input to next paint, only interactions of 16 ms
 * or more) as a cross-check. Timings go under the label the driver set for the
 * series ("worklist-keys"), next-frame times also under the event type.
 */
export interface PageTimings {
  nextFrame: Record<string, number[]>;
  delay: Record<string, number[]>;
  settled: Record<string, number[]>;
  /** Event Timing: the first entry of each interaction (interactionId) of 16 ms or more. */
  slowInteractions: Record<string, number[]>;
}

export const timings: PageTimings = { nextFrame: {}, delay: {}, settled: {}, slowInteractions: {} };
let label = 'none';
let lastInput = 0;

const layout = () => document.body.getBoundingClientRect();
const push = (into: Record<string, number[]>, value: number, key = label) => (into[key] ??= []).push(value);

export function setLabel(next: string): void {
  label = next;
}

/** Which event starts an interaction and which one ends its handling (typing: keydown … input). */
const SPANS = { keydown: 'input', click: 'click', scroll: 'scroll' } as const;

/**
 * Call after the screen is mounted: a window listener added later runs after
 * the ones the screen added (the virtualiser listens to scroll on window).
 */
export function trackInputs(types: readonly (keyof typeof SPANS)[]): void {
  for (const type of types) {
    let start: number | null = null;
    document.addEventListener(type, (event) => {
      start = performance.now();
      lastInput = start;
      push(timings.delay, start - event.timeStamp, `${label}:${type}`);
    }, { capture: true, passive: true });
    window.addEventListener(SPANS[type], () => {
      if (start === null) return;
      layout();
      push(timings.nextFrame, performance.now() - start, `${label}:${type}`);
      performance.measure(`bench:${label}:${type}`, { start, end: performance.now() });
      start = null;
    }, { passive: true });
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
      // One entry per interaction: its keydown, or its click.
      if (e.interactionId && (e.name === 'keydown' || e.name === 'click')) push(timings.slowInteractions, e.duration);
    }
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
}

/** Waits (task by task) until `done()`, then records the time since the last input. */
export async function settle(done: () => boolean, timeoutMs = 10_000): Promise<number> {
  const until = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > until) throw new Error('the screen did not settle');
    await new Promise((r) => setTimeout(r, 0));
  }
  layout();
  const elapsed = performance.now() - lastInput;
  push(timings.settled, elapsed);
  performance.measure(`bench:${label}:settled`, { start: lastInput, end: performance.now() });
  return elapsed;
}

/** Time from `start` until `ready()` holds after a DOM change (checked as React commits), layout included. */
export function firstRender(start: number, ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ready()) return false;
      layout();
      performance.measure('bench:first-render', { start, end: performance.now() });
      resolve(performance.now() - start);
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}
