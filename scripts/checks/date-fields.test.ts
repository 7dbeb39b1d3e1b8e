// Every date or time a person types goes through DateField or DateTimeField (issue 18 §7, §11):
// a native picker shows the browser's locale (mm/dd/yyyy in US Chromium), which the app's
// YYYY-MM-DD hints and errors cannot match. The probe shows the check sees each native kind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './import-graph';

const RENDERER = 'renderer';
// The only files that may render a date input: the shared fields themselves (they render type="text").
const FIELDS = new Set(['renderer/components/DateField.tsx', 'renderer/components/DateTimeField.tsx']);
// type="date", type='time', type={'datetime-local'}, or the kind named as a string handed on to an input.
const NATIVE = /type\s*=\s*\{?\s*["'`](date|datetime-local|time|month|week)["'`]|["'`](datetime-local)["'`]/g;

function nativeDateInputs(source: string): string[] {
  return [...source.matchAll(NATIVE)].map((m) => m[1] ?? m[2]!);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

describe('date and time inputs are the shared fields', () => {
  it('the check sees each native date or time input', () => {
    const probe = `<input type="date" /> <input type='datetime-local' /> <input type={'time'} /> <Text type="datetime-local" /> <input type="text" />`;
    expect(nativeDateInputs(probe)).toEqual(['date', 'datetime-local', 'time', 'datetime-local']);
  });

  it('no renderer file outside DateField and DateTimeField renders a native date or time input', () => {
    const found = sourceFiles(RENDERER)
      .filter((file) => !FIELDS.has(file))
      .flatMap((file) => nativeDateInputs(fs.readFileSync(path.join(repoRoot, file), 'utf8')).map((kind) => `${file}: ${kind}`));
    expect(found).toEqual([]);
  });
});
