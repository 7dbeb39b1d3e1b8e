/**
 * Which b-trees a commit's WAL frames belong to (issue 21 point 4's profile): the frame
 * headers name each page (they are not encrypted), and dbstat names the table or index
 * that owns it. Pages not in any b-tree (the free list) are counted as "(free list)".
 */
import fs from 'node:fs';
import type { Db } from '#db/connection';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** Page numbers of every frame in the WAL file, in the order written. */
export function walFramePages(walFile: string, pageSize: number): number[] {
  const wal = fs.readFileSync(walFile);
  const pages: number[] = [];
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) pages.push(wal.readUInt32BE(at));
  return pages;
}

/** Frames per commit, by owning table or index, most first. */
export function framesByTree(db: Db, pages: readonly number[], commits: number): { tree: string; perCommit: number }[] {
  const wanted = new Set(pages);
  const owner = new Map<number, string>();
  for (const row of db.prepare('SELECT name, pageno FROM dbstat').iterate() as Iterable<{ name: string; pageno: number }>) {
    if (wanted.has(row.pageno)) owner.set(row.pageno, row.name);
  }
  const counts = new Map<string, number>();
  for (const page of pages) {
    const tree = owner.get(page) ?? '(free list)';
    counts.set(tree, (counts.get(tree) ?? 0) + 1);
  }
  return [...counts].map(([tree, n]) => ({ tree, perCommit: n / commits })).sort((a, b) => b.perCommit - a.perCommit);
}
