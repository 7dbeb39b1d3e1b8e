// How npm start reports the end of the process it launched (the browser-mode host or
// Electron): a stop it asked for, or a clean exit, ends quietly with 0; anything else
// prints one line with the cause and ends non-zero (128 + the signal's number for a
// signal, as shells do), never a silent 0.
import os from 'node:os';
import { requiredNode, requiredText, satisfies } from './node-runtime.mjs';

const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT', 'SIGTRAP', 'SIGSYS']);

/**
 * The exit code for npm start and the line to print (null: nothing to say).
 * label: what ended ("host"); nodeVersion: the Node it ran on ("v20.20.2"; null for Electron);
 * stopRequested: npm start itself asked it to stop (Ctrl-C, SIGTERM).
 */
export function describeExit({ label, code, signal, nodeVersion, stopRequested }) {
  if (signal) {
    const exitCode = 128 + (os.constants.signals[signal] || 0);
    if (stopRequested && (signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGHUP')) return { exitCode: 0, line: null };
    if (CRASH_SIGNALS.has(signal)) {
      let line = `The ProcedureDesk ${label} crashed (signal ${signal})${nodeVersion ? ` on Node ${nodeVersion}` : ''}`;
      const required = requiredNode();
      if (nodeVersion && !satisfies(nodeVersion, required)) {
        line += `, which is older than the Node >= ${requiredText(required)} it needs (its SQLite driver, better-sqlite3-multiple-ciphers, crashes there): run it with npm start, which provisions a supported Node, or install Node ${requiredText(required)} or later.`;
      } else {
        line += '.';
      }
      return { exitCode, line };
    }
    const hint = signal === 'SIGKILL' ? ' (killed from outside: out of memory?)' : '';
    return { exitCode, line: `The ProcedureDesk ${label} was stopped by signal ${signal}${hint}.` };
  }
  if (code === 0 || code === null) return { exitCode: 0, line: null };
  return { exitCode: code, line: `The ProcedureDesk ${label} stopped with exit code ${code} (its own message, if any, is above).` };
}

/**
 * Ends this process when the child has ended (and its piped output is read),
 * reporting a crash or failure on stderr.
 */
export function exitWithChild(child, { label, nodeVersion = process.version, stopRequested = () => false }) {
  child.on('close', (code, signal) => {
    const { exitCode, line } = describeExit({ label, code, signal, nodeVersion, stopRequested: stopRequested() });
    if (line) console.error(line);
    process.exit(exitCode);
  });
}
