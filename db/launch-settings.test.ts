// Env and argv in, settings out; bad values refused in one line naming the
// variable or flag. Both shells must read their settings here and nowhere else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchSettingsError, MAX_BACKUP_MINUTES, readLaunchSettings } from './launch-settings';
import { perUserDataDir } from './paths';

const defaults = { dataDir: '/home/nina/.config/ProcedureDesk' };
const refusal = (env: Record<string, string>, argv: string[] = []) => {
  try {
    readLaunchSettings(env, argv, defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(LaunchSettingsError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`accepted ${JSON.stringify({ env, argv })}`);
};

describe('readLaunchSettings', () => {
  it('uses the defaults when nothing is set: the shell\'s folder, a backup every 30 minutes, no flags', () => {
    expect(readLaunchSettings({}, [], defaults)).toEqual({ dataDir: defaults.dataDir, keyDir: expect.stringMatching(/ProcedureDesk.keys$/) as unknown, backupEveryMs: 30 * 60_000 });
    // An empty variable counts as unset.
    expect(readLaunchSettings({ PROCEDUREDESK_DATA_DIR: '', PROCEDUREDESK_BACKUP_MINUTES: '' }, [], defaults)).toEqual({ dataDir: defaults.dataDir, keyDir: expect.stringMatching(/ProcedureDesk.keys$/) as unknown, backupEveryMs: 30 * 60_000 });
  });

  it('reads the data folder (resolved) and the backup interval from the environment', () => {
    const settings = readLaunchSettings({ PROCEDUREDESK_DATA_DIR: 'rel/data', PROCEDUREDESK_BACKUP_MINUTES: '5' }, [], defaults);
    expect(settings).toEqual({ dataDir: path.resolve('rel/data'), keyDir: `${path.resolve('rel/data')}.keys`, backupEveryMs: 5 * 60_000 });
    expect(readLaunchSettings({ PROCEDUREDESK_BACKUP_MINUTES: String(MAX_BACKUP_MINUTES) }, [], defaults).backupEveryMs).toBe(MAX_BACKUP_MINUTES * 60_000);
  });

  it('refuses a backup interval that is not a whole number of minutes from 1 to a week, naming the variable', () => {
    for (const bad of ['abc', '-3', '0', '1.5', '1e3', ' 5', '5 ', '0x10', 'Infinity', 'NaN', String(MAX_BACKUP_MINUTES + 1), '99999999999999999999']) {
      const message = refusal({ PROCEDUREDESK_BACKUP_MINUTES: bad });
      expect(message, bad).toMatch(/^PROCEDUREDESK_BACKUP_MINUTES must be a whole number of minutes from 1 to 10080; got ".*"\.$/);
      expect(message, bad).toContain(JSON.stringify(bad));
    }
    // A value with a line break still gives one line.
    expect(refusal({ PROCEDUREDESK_BACKUP_MINUTES: '5\nrm -rf /' })).toContain('"5\\nrm -rf /"');
  });

  it('reads --port and --static', () => {
    expect(readLaunchSettings({}, ['--port', '0'], defaults).port).toBe(0);
    expect(readLaunchSettings({}, ['--port', '8080', '--static', 'out/renderer'], defaults)).toEqual({
      dataDir: defaults.dataDir, keyDir: expect.any(String) as unknown, backupEveryMs: 30 * 60_000, port: 8080, staticDir: path.resolve('out/renderer'),
    });
  });

  it('refuses a bad port, a flag without its value, and unknown arguments', () => {
    for (const bad of ['abc', '-1', '65536', '80.5', '']) {
      expect(refusal({}, ['--port', bad]), bad).toMatch(/^--port (must be a port number from 0 to 65535; got ".*"|needs a value)\.$/);
    }
    expect(refusal({}, ['--port'])).toBe('--port needs a value.');
    expect(refusal({}, ['--static', '--port', '1'])).toBe('--static needs a value.');
    expect(refusal({}, ['--prot', '1'])).toBe('Unknown argument "--prot": the options are --port N and --static DIR.');
  });
});

describe('perUserDataDir', () => {
  it('is Electron\'s userData for the app on each platform', () => {
    expect(perUserDataDir({}, 'linux', '/home/n')).toBe(path.join('/home/n', '.config', 'ProcedureDesk'));
    expect(perUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/n')).toBe(path.join('/x', 'ProcedureDesk'));
    expect(perUserDataDir({}, 'darwin', '/Users/n')).toBe(path.join('/Users/n', 'Library', 'Application Support', 'ProcedureDesk'));
    expect(perUserDataDir({ APPDATA: 'C:/Users/n/AppData/Roaming' }, 'win32', 'C:/Users/n')).toBe(path.join('C:/Users/n/AppData/Roaming', 'ProcedureDesk'));
  });
});

describe('both shells', () => {
  const root = path.resolve(__dirname, '..');
  for (const shell of ['electron/main.ts', 'db/host/main.ts']) {
    it(`${shell} reads its settings through db/launch-settings.ts and no PROCEDUREDESK_ variable itself`, () => {
      const source = fs.readFileSync(path.join(root, shell), 'utf8');
      expect(source).toMatch(/import \{[^}]*\breadLaunchSettings\b[^}]*\} from '#db\/launch-settings';/);
      expect(source).toMatch(/readLaunchSettings\(process\.env, /);
      expect(source).not.toMatch(/env\.PROCEDUREDESK_|env\[|PROCEDUREDESK_\w+ ?\?\?/);
      expect(source).not.toMatch(/process\.argv\[|argv\.indexOf/);
    });
  }
});
