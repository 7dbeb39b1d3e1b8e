/**
 * The schedule's background work in the Node runtime: the HL7 inbox polled on a timer, and the MLLP
 * listener kept to the settings (started, moved or stopped at the next tick after an administrator
 * changes them). A tick that fails (the folder gone, the port taken) is logged and tried again next tick.
 */
import type { ScheduleService } from './service';
import type { MllpListener } from './mllp-listener';

export interface ScheduleRunner {
  /** One tick now: the inbox polled, the listener matched to the settings. */
  tick(): Promise<void>;
  start(everyMs: number): void;
  stop(): Promise<void>;
}

export function createScheduleRunner(service: ScheduleService, listenerSettings: () => { host: string; port: number } | null, log: (message: string) => void): ScheduleRunner {
  let timer: NodeJS.Timeout | null = null;
  let listener: { at: string; handle: MllpListener } | null = null;
  let running: Promise<void> = Promise.resolve();

  async function matchListener(): Promise<void> {
    const wanted = listenerSettings();
    const at = wanted ? `${wanted.host}:${wanted.port}` : '';
    if ((listener?.at ?? '') === at) return;
    if (listener) await listener.handle.close();
    listener = null;
    if (!wanted) return;
    const handle = await service.listen(wanted);
    if (handle) {
      listener = { at, handle };
      log(`schedule: MLLP listener on ${at}`);
    }
  }

  async function once(): Promise<void> {
    try {
      const results = service.pollInbox();
      if (results.length) log(`schedule inbox: ${results.filter((r) => r.code === 'AA').length} imported, ${results.filter((r) => r.code !== 'AA').length} refused`);
    } catch (error) {
      log(`schedule inbox: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      await matchListener();
    } catch (error) {
      log(`schedule MLLP listener: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    tick() {
      running = running.then(once);
      return running;
    },
    start(everyMs) {
      void this.tick();
      if (everyMs > 0 && !timer) {
        timer = setInterval(() => void this.tick(), everyMs);
        timer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      await listener?.handle.close();
      listener = null;
    },
  };
}
