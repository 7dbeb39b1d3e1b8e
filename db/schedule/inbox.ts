/**
 * The HL7 inbox folder (issue 19, point 6): the engine drops one message per `.hl7` file (written under
 * another name and renamed, as engines do, so a half-written file is never taken); each poll imports the
 * files in name order and moves each to done/ or refused/ beside them, a refused one with its reason in
 * `<name>.reason.txt`. A file over the size cap is refused unread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InboundRefusal } from '#shared/contract/schedule-inbound';
import type { ReceiveOutcome } from './hl7-receive';

export interface InboxResult {
  file: string;
  code: ReceiveOutcome['code'];
  reason: string;
}

export interface InboxOptions {
  folder: string;
  maxMessageBytes: number;
  receive: (bytes: Buffer, file: string) => ReceiveOutcome;
  /** Logs and audits a file refused before it could be read (too large). */
  refuse: (file: string, reason: string) => void;
}

function moveTo(folder: string, sub: 'done' | 'refused', file: string): string {
  const target = path.join(folder, sub);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  // A name already there (the engine re-sent a file of the same name) gets a suffix: nothing is overwritten.
  let name = file;
  for (let n = 1; fs.existsSync(path.join(target, name)); n += 1) name = `${file}.${n}`;
  fs.renameSync(path.join(folder, file), path.join(target, name));
  return path.join(target, name);
}

export function pollInbox(options: InboxOptions): InboxResult[] {
  const { folder } = options;
  const files = fs.readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.hl7') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const results: InboxResult[] = [];
  for (const file of files) {
    const full = path.join(folder, file);
    let outcome: { code: ReceiveOutcome['code']; reason: string };
    const size = fs.statSync(full).size;
    if (size > options.maxMessageBytes) {
      const refusal = new InboundRefusal(`the file is ${size} bytes; the limit is ${options.maxMessageBytes}`, 'AR');
      options.refuse(file, refusal.message);
      outcome = { code: 'AR', reason: refusal.message };
    } else {
      const { code, reason } = options.receive(fs.readFileSync(full), file);
      outcome = { code, reason };
    }
    const moved = moveTo(folder, outcome.code === 'AA' ? 'done' : 'refused', file);
    if (outcome.code !== 'AA') fs.writeFileSync(`${moved}.reason.txt`, `${outcome.code}: ${outcome.reason}\n`, { mode: 0o600 });
    results.push({ file, ...outcome });
  }
  return results;
}
