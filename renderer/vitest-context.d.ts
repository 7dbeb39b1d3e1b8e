// Values the renderer component tests receive from db/testing/vitest-host-setup.ts.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    hostOrigin: string;
    hostSecret: string;
    nurseSession: string;
    physicianSession: string;
    adminSession: string;
    scratchFolder: string;
  }
}
