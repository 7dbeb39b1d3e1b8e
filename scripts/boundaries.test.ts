// Each runtime folder's limits are enforced by its tsconfig and by lint. This
// writes forbidden code into probe files inside real folders and checks that
// the real typecheck and the real lint both refuse it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const probes: string[] = [];

function probe(folder: string, code: string): string {
  const file = path.join(root, folder, `__boundary_probe_${probes.length}.ts`);
  fs.writeFileSync(file, code);
  probes.push(file);
  return file;
}

function removeProbes(): void {
  probes.splice(0).forEach((f) => fs.rmSync(f, { force: true }));
}
afterAll(removeProbes);

function typecheck(folder: string): string {
  const result = spawnSync(process.execPath, [tsc, '-p', `${folder}/tsconfig.json`, '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
  return result.stdout + result.stderr;
}

async function lintMessages(file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('folder boundaries', () => {
  it('typecheck refuses Node and DOM in shared/, and Node in renderer/', () => {
    const nodeInShared = probe('shared', "import fs from 'node:fs';\nexport const probe = fs.readFileSync;\n");
    const domInShared = probe('shared', 'export const probe = document.title;\n');
    const nodeInRenderer = probe('renderer', 'export const probe = process.env.HOME;\n');
    const shared = typecheck('shared');
    expect(shared).toContain(`${path.basename(nodeInShared)}`);
    expect(shared).toMatch(/Cannot find module 'node:fs'|Cannot find name/);
    expect(shared).toContain(`${path.basename(domInShared)}`);
    expect(shared).toMatch(/Cannot find name 'document'/);
    const renderer = typecheck('renderer');
    expect(renderer).toMatch(new RegExp(`${path.basename(nodeInRenderer)}.*Cannot find name 'process'`));
    removeProbes();
  }, 120_000);

  it('typecheck refuses the DOM in the loopback host (db/host/) and in electron/', () => {
    const domInHost = probe('db/host', 'export const probe = document.title;\n');
    const domInElectron = probe('electron', 'export const probe = window.location.href;\n');
    expect(typecheck('db')).toMatch(new RegExp(`${path.basename(domInHost)}.*Cannot find name 'document'`));
    expect(typecheck('electron')).toMatch(new RegExp(`${path.basename(domInElectron)}.*Cannot find name 'window'`));
    removeProbes();
  }, 120_000);

  it('lint refuses node:fs in shared/, electron and the core in renderer/', async () => {
    const nodeInShared = probe('shared', "import fs from 'node:fs';\nexport const probe = fs.readFileSync;\n");
    const electronInRenderer = probe('renderer', "import { app } from 'electron';\nexport const probe = app;\n");
    const dbInRenderer = probe('renderer', "import { openCore } from '#db/core';\nexport const probe = openCore;\n");
    expect((await lintMessages(nodeInShared)).join('\n')).toMatch(/no-restricted-imports: .*no Node built-ins/);
    expect((await lintMessages(electronInRenderer)).join('\n')).toMatch(/no-restricted-imports: .*'electron'|no-restricted-imports: .*API client/);
    expect((await lintMessages(dbInRenderer)).join('\n')).toMatch(/no-restricted-imports: .*API client/);
  }, 120_000);

  it('lint refuses React, the renderer and electron in the loopback host, and the renderer in electron/', async () => {
    const reactInHost = probe('db/host', "import { useState } from 'react';\nexport const probe = useState;\n");
    const rendererInHost = probe('db/host', "import { createClient } from '#renderer/api/client';\nexport const probe = createClient;\n");
    const electronInHost = probe('db/host', "import { app } from 'electron';\nexport const probe = app;\n");
    const rendererInElectron = probe('electron', "import { createClient } from '#renderer/api/client';\nexport const probe = createClient;\n");
    const relativeRendererInElectron = probe('electron', "import { createClient } from '../renderer/api/client';\nexport const probe = createClient;\n");
    const reactInElectron = probe('electron', "import { useState } from 'react';\nexport const probe = useState;\n");
    expect((await lintMessages(reactInHost)).join('\n')).toMatch(/no-restricted-imports: .*db\/ is Node: no UI/);
    expect((await lintMessages(rendererInHost)).join('\n')).toMatch(/no-restricted-imports: .*db\/ is Node: no UI/);
    expect((await lintMessages(electronInHost)).join('\n')).toMatch(/no-restricted-imports: .*Only electron\/ imports electron/);
    for (const file of [rendererInElectron, relativeRendererInElectron, reactInElectron]) {
      expect((await lintMessages(file)).join('\n'), path.basename(file)).toMatch(/no-restricted-imports: .*electron\/ is the thin shell/);
    }
  }, 120_000);
});
