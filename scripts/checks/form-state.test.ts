// A form under renderer/components keeps its busy, error and saved state in useFormSave, not in a
// useState of its own, so every form shows and clears them the same way. The probe shows the check sees one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './import-graph';

const COMPONENTS = 'renderer/components';
// State named like a form's save state: `const [busy, setBusy] = useState(false)` and its kin.
const OWN_SAVE_STATE = /const \[(busy|saving|working|pending|error|errors|failure|saved|savedAt|done|message|status), set\w+\] = useState\b/g;

// What remains, and why it is not a form's save state.
const ALLOWED: Record<string, string[]> = {
  // Not a form: `working` names which of several recovery operations the progress bar shows, failures
  // are the recovery store's `error`, and `message` is the last operation's outcome.
  'renderer/components/BackupsScreen.tsx': ['message', 'working'],
  // Not a form: `status` is the last import's or publication's outcome, one status line for success and
  // refusal alike, shown beside the per-path import errors.
  'renderer/components/LibraryScreen.tsx': ['status'],
};

function ownSaveState(source: string): string[] {
  return [...source.matchAll(OWN_SAVE_STATE)].map((m) => m[1]!);
}

describe('form save state lives in useFormSave', () => {
  it('the check sees a form keeping its own busy and error state', () => {
    const probe = "const [error, setError] = useState<string | null>(null);\n  const [busy, setBusy] = useState(false);\n  const [value, setValue] = useState('');";
    expect(ownSaveState(probe)).toEqual(['error', 'busy']);
  });

  it('no component keeps its own busy, error or saved state outside the allow-list', () => {
    const dir = path.join(repoRoot, COMPONENTS);
    const found = fs.readdirSync(dir)
      .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
      .flatMap((f) => {
        const file = `${COMPONENTS}/${f}`;
        const allowed = ALLOWED[file] ?? [];
        return ownSaveState(fs.readFileSync(path.join(dir, f), 'utf8')).filter((name) => !allowed.includes(name)).map((name) => `${file}: ${name}`);
      });
    expect(found).toEqual([]);
  });

  it('every allow-listed state is still there (a stale entry is removed)', () => {
    for (const [file, names] of Object.entries(ALLOWED)) {
      expect(ownSaveState(fs.readFileSync(path.join(repoRoot, file), 'utf8')).sort(), file).toEqual([...names].sort());
    }
  });
});
