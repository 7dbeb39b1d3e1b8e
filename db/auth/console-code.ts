/**
 * Proof of the console that started the app, for browser mode. The loopback
 * host's launch secret keeps other programs out, but an account that got hold
 * of it must still not be able to create the first administrator or start an
 * empty database: those need this one-time code, printed only on the host's
 * stderr (the terminal of whoever ran `npm start`). The Electron app needs none:
 * its window is the console. Five wrong codes replace it with a new one.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: read off a terminal and typed without doubt. 31^10 is about 2^49.5. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;
export const CODE_ATTEMPTS = 5;

export interface ConsoleCode {
  /** Makes a fresh code and prints it, saying what it is for. */
  announce(purpose: string): void;
  /** Whether `given` is the current code (spaces, dashes and case ignored). Wrong codes count. */
  check(given: string | undefined): boolean;
}

export function normalizeCode(given: string): string {
  return given.toUpperCase().replace(/[\s-]+/g, '');
}

export function createConsoleCode(print: (line: string) => void): ConsoleCode {
  let code = '';
  let purpose = '';
  let wrong = 0;
  const announce = (why: string): void => {
    code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    purpose = why;
    wrong = 0;
    print(`one-time code to ${why} (type it in the window): ${code.slice(0, 5)}-${code.slice(5)}`);
  };
  return {
    announce,
    check(given) {
      if (!code) return false;
      const a = Buffer.from(normalizeCode(given ?? ''));
      const b = Buffer.from(code);
      if (a.length === b.length && timingSafeEqual(a, b)) return true;
      wrong += 1;
      if (wrong >= CODE_ATTEMPTS) {
        print(`${CODE_ATTEMPTS} wrong one-time codes were typed: that code no longer works.`);
        announce(purpose);
      }
      return false;
    },
  };
}
