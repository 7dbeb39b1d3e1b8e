/**
 * Locks the session after the configured minutes without keyboard, pointer or
 * touch input. Idle time is measured with performance.now(), a monotonic
 * clock: moving the wall clock neither locks nor unlocks. The core enforces
 * the same limit on its side, so a page that stops running cannot keep a
 * session open.
 */
import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(active: boolean, minutes: number, lock: () => unknown): void {
  useEffect(() => {
    if (!active) return;
    const limit = minutes * 60_000;
    let last = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const idle = performance.now() - last;
      if (idle >= limit) lock();
      else timer = setTimeout(check, limit - idle);
    };
    const touch = () => {
      last = performance.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    timer = setTimeout(check, limit);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [active, minutes, lock]);
}
