/**
 * Reporter: one line per skipped test with the reason its test.skip() gave (the
 * list reporter shows only that it was skipped). Listed before 'list' in
 * playwright.config.ts, so the lines come just above the summary.
 */
import path from 'node:path';
import type { FullConfig, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasons implements Reporter {
  private rootDir = process.cwd();
  private readonly lines: string[] = [];

  onBegin(config: FullConfig): void {
    // Paths as the command line takes them: from the repository (the config's folder).
    if (config.configFile) this.rootDir = path.dirname(config.configFile);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip' && a.description)?.description;
    const where = `${path.relative(this.rootDir, test.location.file).split(path.sep).join('/')}:${test.location.line}`;
    const line = `  skipped ${where}: ${reason ?? '(no reason given)'}`;
    if (!this.lines.includes(line)) this.lines.push(line);
  }

  onEnd(): void {
    if (this.lines.length) console.log(`\n${this.lines.join('\n')}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
