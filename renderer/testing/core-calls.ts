/**
 * Renderer tests wait for the core's answers themselves, never for a deadline.
 *
 * A component test against the real core over HTTP used to wait for the screen
 * with findBy / waitFor, which give up after a second: on a loaded machine the
 * answer took longer and the test failed although nothing was wrong. Here every
 * call the page makes goes through a bridge that keeps it until it is answered,
 * and coreSettled() resolves once no call is outstanding and React has rendered
 * what the answers changed. The test then asserts on the screen directly.
 *
 * There is no time limit of its own: a call that never returns is a hang, and
 * the test's timeout (vitest.config.ts) reports it.
 */
import { act } from '@testing-library/react';
import { inject } from 'vitest';
import type { Bridge } from '#shared/contract/transport';
import { httpBridge } from '../api/bridge';
import { createClient, type ApiClient } from '../api/client';

/** Taken when the file loads, before any test fakes the timers: the yield below must be real. */
const realSetTimeout = globalThis.setTimeout;
/** One turn of the event loop: every promise continuation already queued has run. */
const nextTurn = () => new Promise<void>((resolve) => realSetTimeout(resolve, 0));

/** Calls not answered yet, with their method names. */
const outstanding = new Map<Promise<unknown>, string>();

/** Wraps a bridge so that every call is known until its answer has arrived. */
export function trackedBridge(bridge: Bridge): Bridge {
  return {
    invoke(method, input, session) {
      const call = bridge.invoke(method, input, session);
      outstanding.set(call, method);
      const done = () => outstanding.delete(call);
      call.then(done, done);
      return call;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** A client for the test host's real core (db/testing/vitest-host-setup.ts), or for another origin (a host that is gone). */
export function coreClient(origin: string = inject('hostOrigin')): ApiClient {
  return createClient(trackedBridge(httpBridge(inject('hostSecret'), origin)));
}

/** The methods still waiting for an answer (named when a test fails). */
export function outstandingCalls(): string[] {
  return [...outstanding.values()];
}

/**
 * Resolves when every call made through a tracked bridge has been answered, the
 * stores have taken the answers in and React has rendered them, including calls
 * that those answers or renders started in turn (a screen that loads in steps).
 */
export async function coreSettled(): Promise<void> {
  for (;;) {
    await act(async () => {
      while (outstanding.size > 0) await Promise.allSettled([...outstanding.keys()]);
      // The answer's continuations (client, store, component) run before this turn ends.
      await nextTurn();
    });
    // Effects run when act() ends may have asked the core again.
    if (outstanding.size === 0) return;
  }
}
