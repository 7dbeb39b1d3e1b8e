/** What the benchmark page (page.tsx) exposes to the driver (driver.ts) as `window.bench`. */
import type { PageTimings } from './measure';

export interface BenchHandle {
  /** Mounts the screen named in the URL; resolves with the time to first render (ms). */
  mount(): Promise<number>;
  timings: PageTimings;
  /** Names the series the next inputs belong to. */
  setLabel(label: string): void;
  /** After a keystroke in the worklist search: until the results for `query` are shown. */
  worklistSettled(query: string): Promise<number>;
  /** After a click on an item's checkbox: until it shows as saved. */
  itemSettled(itemId: string): Promise<number>;
  itemIds: string[];
  /** Worklist rows in the DOM (a virtualised list keeps this small). */
  renderedRows(): number;
}

declare global {
  interface Window {
    bench: BenchHandle;
  }
}
