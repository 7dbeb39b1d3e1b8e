/**
 * How browser mode hands the launch secret to the browser without putting it
 * where another local account can read it. The secret never goes into a
 * process's arguments (`ps` shows those to every user), its environment, or
 * the host's output. Instead the host writes a launch page:
 *   <tmp>/proceduredesk-launch-XXXXXX/open.html
 * The folder is made by mkdtemp, owner-only (0700) and unguessable, so no
 * other account can list it, read it, or plant a file or link in it first; the
 * page is created new (O_EXCL) and owner-only (0600). The browser is started
 * with this page's path (no secret in it) and the page sends it on, with a
 * meta refresh, to the loopback address with the secret in the fragment, which
 * is never sent over HTTP and which the app removes from the address bar; the
 * browser's history of it lives in a profile folder that is owner-only too
 * (scripts/browser-mode.mjs). The page and its folder are removed when the
 * host stops.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LaunchFile {
  /** The owner-only page that opens the app (give this path to the browser). */
  file: string;
  remove(): void;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function writeLaunchFile(appUrl: string, tmp = os.tmpdir()): LaunchFile {
  const dir = fs.mkdtempSync(path.join(tmp, 'proceduredesk-launch-'));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, 'open.html');
  const url = escape(appUrl);
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${url}"><title>ProcedureDesk</title></head>
<body><p>Opening ProcedureDesk… <a href="${url}">Continue</a></p></body></html>
`;
  fs.writeFileSync(file, page, { flag: 'wx', mode: 0o600 });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The secret in a launch page this host wrote (the e2e harness reads it as the same account). */
export function secretInLaunchFile(file: string): string {
  const match = /#secret=([0-9a-f]+)"/.exec(fs.readFileSync(file, 'utf8'));
  if (!match?.[1]) throw new Error(`no launch secret in ${file}`);
  return match[1];
}
