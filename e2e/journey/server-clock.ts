// Test-only preload for the app's host process (node --import; Node 24 strips the types): shifts the server's clock by the
// milliseconds in the file PROCEDUREDESK_E2E_CLOCK_FILE names, so a journey can pass recovery's
// minimum observation time without waiting for it. The product never loads this file.
import fs from 'node:fs';

const file = process.env.PROCEDUREDESK_E2E_CLOCK_FILE;
if (file) {
  const Real = Date;
  const offset = () => {
    try {
      return Number(fs.readFileSync(file, 'utf8')) || 0;
    } catch {
      return 0;
    }
  };
  class Shifted extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Real.now() + offset());
      else super(...(args as [string]));
    }
    static override now() {
      return Real.now() + offset();
    }
  }
  globalThis.Date = Shifted as DateConstructor;
}
