// The release workflow, checked without running it (it needs hosted runners with network): what it
// triggers on, that its actions are pinned, and that it runs, packages and uploads what this repo has.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  if?: string;
  strategy?: { matrix: { os: string[] } };
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(fs.readFileSync(path.join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as {
  on: { push: { tags: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: { build: Job; release: Job };
};
const builder = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { productName: string; artifactName: string };
const { build, release } = workflow.jobs;

describe('.github/workflows/release.yml', () => {
  it('runs on v* tags and by hand; only the release job may write', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(release.needs).toBe('build');
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
  });

  it('pins every action to a full commit, with the version beside it', () => {
    const text = fs.readFileSync(path.join(root, '.github', 'workflows', 'release.yml'), 'utf8');
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThanOrEqual(5);
    for (const [, action, comment] of uses) {
      expect(action, action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(comment, action).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('builds on Linux, Windows and macOS with Node 24: install, Electron binary, build, smoke test, package, upload', () => {
    expect(build.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    const runs = build.steps.map((s) => s.run ?? s.uses?.replace(/@.*/, '') ?? '');
    const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
    const order = [/^actions\/checkout$/, /^actions\/setup-node$/, /^npm ci$/, /^npx --no install-electron$/, /^npm run build$/, /electron-smoke\.spec\.ts/, /^npm run dist$/].map(at);
    expect(order.every((i) => i >= 0), String(order)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(build.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version': 24 });
  });

  it('runs the smoke spec that exists, under Xvfb on Linux, and fails rather than skips without Electron', () => {
    const smoke = build.steps.filter((s) => s.run?.includes('playwright test'));
    expect(smoke.map((s) => s.if)).toEqual(["runner.os == 'Linux'", "runner.os != 'Linux'"]);
    for (const step of smoke) {
      const spec = /playwright test (\S+)/.exec(step.run!)![1]!;
      expect(fs.existsSync(path.join(root, spec)), spec).toBe(true);
      expect(step.env).toEqual({ PROCEDUREDESK_REQUIRE_ELECTRON: '1' });
    }
    expect(smoke[0]!.run).toContain('xvfb-run --auto-servernum npx playwright test');
    expect(fs.readFileSync(path.join(root, 'e2e', 'specs', 'electron-smoke.spec.ts'), 'utf8')).toContain('process.env.PROCEDUREDESK_REQUIRE_ELECTRON');
  });

  it('uploads the installers electron-builder names (artifactName) and attaches them, with checksums, to the release', () => {
    expect(builder.artifactName).toBe('${productName}-${version}-${arch}.${ext}');
    const upload = build.steps.find((s) => s.name === 'Upload the installers')!;
    const patterns = String(upload.with?.path).trim().split('\n');
    expect(patterns).toEqual(['AppImage', 'deb', 'exe', 'dmg'].map((ext) => `dist/${builder.productName}-*.${ext}`));
    expect(upload.with?.['if-no-files-found']).toBe('error');
    const publish = release.steps.find((s) => s.uses?.startsWith('softprops/action-gh-release'))!;
    expect(String(publish.with?.files).trim().split('\n')).toEqual([`installers/${builder.productName}-*`, 'installers/SHA256SUMS.txt']);
    expect(publish.with).toMatchObject({ fail_on_unmatched_files: true });
  });
});
