/**
 * Issue 21 point 1: what a documented encounter costs on disk, by table.
 * SQLite's dbstat virtual table gives the bytes of every page of every b-tree
 * (table or index); each index is counted with its table, the FTS shadow
 * tables under their virtual table. The mean is the whole file's pages over
 * the documented encounters. The median apportions each table that has an
 * encounter_id (and its indexes) to encounters by the bytes of their rows in
 * it, and spreads the rest (patients, search index, encounters without
 * documentation, the library) evenly over the documented encounters.
 */
import type { Db } from '#db/connection';

export interface StorageShare {
  /** A table with its indexes (or a virtual table with its shadow tables). */
  table: string;
  bytes: number;
}

export interface StorageMeasure {
  documented: number;
  /** Bytes of all pages in use (dbstat), and the file's size (free pages included). */
  pageBytes: number;
  fileBytes: number;
  tables: StorageShare[];
  /** Bytes per documented encounter: mean over all pages, median by apportioning (see above). */
  mean: number;
  median: number;
}

/** The table each b-tree belongs to: indexes to their table, FTS shadow tables (x_data, x_idx…) to x. */
function owners(db: Db): Map<string, string> {
  const rows = db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')").all() as { name: string; tbl_name: string }[];
  const virtual = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[]);
  const owner = new Map<string, string>();
  for (const r of rows) {
    const shadowOf = [...virtual].find((v) => r.tbl_name.startsWith(`${v}_`));
    owner.set(r.name, shadowOf ?? r.tbl_name);
  }
  owner.set('sqlite_schema', 'sqlite_schema');
  return owner;
}

/** The documented encounters: those with a signed note (the generator signs every documented one). */
function documentedIds(db: Db): string[] {
  return db.prepare('SELECT encounter_id FROM signed_notes').pluck().all() as string[];
}

/** Each row's stored bytes, roughly: the sum of its columns' lengths as blobs. */
function rowBytesExpression(db: Db, table: string): string {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  return columns.map((c) => `coalesce(length(CAST("${c}" AS BLOB)), 1)`).join(' + ');
}

/**
 * byOwner (the bench sets, where most encounters of the 1M set are not documented): each encounter's own
 * row in encounters is its own, not shared, and what is shared (patients, search, the library) is counted
 * only for the share of patients who have a documented encounter; undocumented encounters' rows are
 * nobody's here. Without it (section 9, a set documented almost whole), the rest is spread evenly.
 */
export function measureStorage(db: Db, fileBytes: number, byOwner = false): StorageMeasure {
  const owner = owners(db);
  const pages = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
  const byTable = new Map<string, number>();
  for (const p of pages) {
    const t = owner.get(p.name) ?? p.name;
    byTable.set(t, (byTable.get(t) ?? 0) + p.bytes);
  }
  const ids = documentedIds(db);
  const documented = ids.length;
  const pageBytes = [...byTable.values()].reduce((a, b) => a + b, 0);
  const perEncounter = new Map(ids.map((id) => [id, 0]));
  let apportioned = 0;
  for (const [table, bytes] of byTable) {
    const hasEncounter = (db.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name = ?').pluck().get(table, 'encounter_id') as number) > 0;
    const ownRow = byOwner && table === 'encounters';
    if (!ownRow && (!hasEncounter || table === 'encounters')) continue;
    const key = ownRow ? 'id' : 'encounter_id';
    const rows = db.prepare(`SELECT ${key} AS id, SUM(${rowBytesExpression(db, table)}) AS b FROM "${table}" GROUP BY ${key}`).all() as { id: string; b: number }[];
    const total = rows.reduce((s, r) => s + r.b, 0);
    if (!total) continue;
    for (const r of rows) {
      if (perEncounter.has(r.id)) perEncounter.set(r.id, perEncounter.get(r.id)! + (bytes * r.b) / total);
    }
    apportioned += bytes;
  }
  // What no documented encounter owns alone is shared evenly (patients, search, the library, undocumented encounters).
  const patientShare = byOwner
    ? (db.prepare('SELECT count(DISTINCT e.patient_id) FROM signed_notes n JOIN encounters e ON e.id = n.encounter_id').pluck().get() as number) /
      Math.max(1, db.prepare('SELECT count(*) FROM patients').pluck().get() as number)
    : 1;
  const shared = ((pageBytes - apportioned) * patientShare) / Math.max(1, documented);
  const sorted = [...perEncounter.values()].map((b) => b + shared).sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : Number.NaN;
  const tables = [...byTable].map(([table, bytes]) => ({ table, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { documented, pageBytes, fileBytes, tables, mean: pageBytes / Math.max(1, documented), median };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(2);

/**
 * The section's table: bytes per documented encounter by table in each measured state, and what
 * each change saved against the one before. `states` in order, the first being today's storage.
 */
/** savings: a column per state after the first with what it saved (a change applied); off for states side by side (sizes). */
export function storageTable(states: { label: string; m: StorageMeasure }[], savings = true): string {
  const names = [...new Set(states.flatMap((s) => s.m.tables.map((t) => t.table)))];
  const of = (m: StorageMeasure, t: string) => (m.tables.find((x) => x.table === t)?.bytes ?? 0) / Math.max(1, m.documented);
  names.sort((a, b) => of(states[0]!.m, b) - of(states[0]!.m, a));
  const head = `| table (with its indexes) | ${states.map((s) => `${s.label}: KB per documented encounter`).join(' | ')} |${savings ? states.slice(1).map((s) => ` saved by ${s.label} |`).join('') : ''}`;
  const rule = `|---|${states.map(() => '---|').join('')}${savings ? states.slice(1).map(() => '---|').join('') : ''}`;
  const lines = [head, rule];
  const shown = names.filter((t) => states.some((s) => of(s.m, t) >= 50));
  const rest = names.filter((t) => !shown.includes(t));
  const row = (label: string, f: (m: StorageMeasure) => number) => {
    const values = states.map((s) => f(s.m));
    lines.push(`| ${label} | ${values.map(kb).join(' | ')} |${savings ? values.slice(1).map((v, i) => ` ${kb(values[i]! - v)} |`).join('') : ''}`);
  };
  for (const t of shown) row(t, (m) => of(m, t));
  row(`${rest.length} other tables and indexes`, (m) => rest.reduce((s, t) => s + of(m, t), 0));
  row('**all pages (mean)**', (m) => m.mean);
  row('**median encounter** (apportioned)', (m) => m.median);
  row('file size ÷ documented encounters', (m) => m.fileBytes / Math.max(1, m.documented));
  return lines.join('\n');
}
