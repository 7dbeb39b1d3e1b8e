/**
 * The delivery worker: picks the due rows of the queue, sends each over its
 * channel and records how it ended, with an audit entry per attempt (who: the
 * system). Each attempt is recorded as under way (committed) before anything is
 * sent, so a crash mid-send leaves a 'sending' row that is sent again on the next
 * run: at-least-once, with the same MSH-10 and TXA-12, which the receiver uses to
 * drop the repeat. Runs on a timer in the Node runtime, and on demand (kick).
 */
import type { DeliveryChannelName } from '#shared/contract/delivery';
import type { Settings } from '#shared/contract/settings';
import { SYSTEM_ACTOR, type AuditLog } from '../audit';
import type { Db } from '../connection';
import type { AttemptRecord, DeliveryQueueRepository, QueuedDelivery } from '../repositories/delivery-queue';
import { addSeconds, backoffSeconds } from './backoff';
import { folderChannel, mllpChannel, type AttemptOutcome, type DeliveryChannel } from './channels';
import { fhirChannel } from './fhir-channel';

export interface DeliveryWorkerDeps {
  db: Db;
  queue: DeliveryQueueRepository;
  settings: () => Settings;
  audit: AuditLog;
  now: () => string;
  log: (message: string) => void;
  /** Tests and the crash harness may stand in their own step before each send. */
  beforeSend?: (item: QueuedDelivery) => Promise<void> | void;
}

export interface DeliveryWorker {
  /** Sends everything due now; resolves with how many attempts were made. */
  runDue(): Promise<number>;
  /** Runs soon (coalesced with a run under way); resolves when that run is over. */
  kick(): Promise<number>;
  start(everyMs: number): void;
  /** After an export queued documents: runs soon, but only once started (tests that drive runDue themselves are left alone). */
  nudge(): void;
  /** Stops the timer and waits for an attempt under way. */
  stop(): Promise<void>;
}

/** The channels the site has set up now (settings may change between runs). */
export function channelsOf(settings: Settings): Partial<Record<DeliveryChannelName, DeliveryChannel>> {
  const { folder, mllp, fhir } = settings.delivery;
  return { ...(folder ? { folder: folderChannel(folder) } : {}), ...(mllp ? { mllp: mllpChannel(mllp) } : {}), ...(fhir ? { fhir: fhirChannel(fhir) } : {}) };
}

const BATCH = 20;

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { db, queue, audit, now } = deps;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const recordOf = (outcome: AttemptOutcome, item: QueuedDelivery, at: string): AttemptRecord => {
    const { retryBaseSeconds, retryCapSeconds } = deps.settings().delivery;
    const later = () => addSeconds(at, backoffSeconds(item.attempts + 1, retryBaseSeconds, retryCapSeconds));
    switch (outcome.result) {
      case 'acknowledged': case 'delivered': return { state: outcome.result, receiverSaid: outcome.said, nextAttemptAt: null, at };
      case 'refused': return outcome.retry
        ? { state: 'queued', receiverSaid: outcome.said, nextAttemptAt: later(), at }
        : { state: 'failed', receiverSaid: outcome.said, nextAttemptAt: null, at };
      case 'unreachable': return { state: 'queued', receiverSaid: outcome.said, nextAttemptAt: later(), at };
    }
  };

  async function attempt(item: QueuedDelivery, channel: DeliveryChannel): Promise<void> {
    const startedAt = now();
    if (!db.transaction(() => queue.claim(item.id, startedAt)).immediate()) return;
    await deps.beforeSend?.(item);
    let outcome: AttemptOutcome;
    try {
      outcome = await channel.send(item);
    } catch (error) {
      outcome = { result: 'unreachable', said: `the attempt failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const at = now();
    const record = recordOf(outcome, item, at);
    db.transaction(() => {
      queue.settle(item.id, record);
      audit.append({
        at, user: SYSTEM_ACTOR, patientId: item.patientId, action: 'delivery.attempt',
        target: `encounter:${item.encounterId}/document:${item.documentId}/channel:${item.channel}/attempt:${item.attempts + 1}/${record.state}: ${record.receiverSaid}`.slice(0, 2000),
      });
    }).immediate();
  }

  async function runOnce(): Promise<number> {
    let attempts = 0;
    const channels = channelsOf(deps.settings());
    const seen = new Set<string>();
    for (;;) {
      const batch = queue.due(now(), BATCH, Object.keys(channels) as DeliveryChannelName[]).filter((item) => !seen.has(item.id) && channels[item.channel]);
      if (batch.length === 0) return attempts;
      for (const item of batch) {
        seen.add(item.id);
        await attempt(item, channels[item.channel]!);
        attempts += 1;
      }
    }
  }

  const kick = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await runOnce();
        } while (again);
      } catch (error) {
        deps.log(`delivery: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  };

  return {
    runDue: kick,
    kick,
    start(everyMs) {
      if (timer || everyMs <= 0) return;
      timer = setInterval(() => void kick(), everyMs);
      timer.unref();
      void kick();
    },
    nudge() {
      if (timer) setImmediate(() => void kick());
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
