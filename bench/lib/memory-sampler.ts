/**
 * process.memoryUsage() sampled through a run: every few milliseconds while the event loop turns,
 * and at the start and end (a run that never yields, like the folder drop, gets only those two;
 * the process's peak RSS from the kernel covers it). Then a full GC and the memory after it.
 */
const MB = 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export interface MemoryRun {
  /** Resident set in MB at each sample. */
  rss: number[];
  /** Highest V8 heap used (MB) among the samples. */
  heapPeak: number;
  /** Before the run, after a full GC (MB). */
  before: { rss: number; heap: number };
  /** After the run and a full GC (MB). */
  afterGc: { rss: number; heap: number };
  /** The process's peak RSS (kernel's maxRSS, MB) at the end of the run: above every sample if the peak fell between them. */
  processPeakRss: number;
}

export async function sampleMemory<T>(run: () => Promise<T>, everyMs = 5): Promise<{ value: T; memory: MemoryRun }> {
  gc();
  const start = process.memoryUsage();
  const samples: NodeJS.MemoryUsage[] = [start];
  const timer = setInterval(() => samples.push(process.memoryUsage()), everyMs);
  let value: T;
  try {
    value = await run();
  } finally {
    clearInterval(timer);
  }
  samples.push(process.memoryUsage());
  const processPeakRss = process.resourceUsage().maxRSS / 1024;
  gc();
  const end = process.memoryUsage();
  return {
    value,
    memory: {
      rss: samples.map((s) => s.rss / MB),
      heapPeak: Math.max(...samples.map((s) => s.heapUsed)) / MB,
      before: { rss: start.rss / MB, heap: start.heapUsed / MB },
      afterGc: { rss: end.rss / MB, heap: end.heapUsed / MB },
      processPeakRss,
    },
  };
}
