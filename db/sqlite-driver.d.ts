// better-sqlite3-multiple-ciphers keeps better-sqlite3's API. Its own bundled types are older
// and its package.json "exports" hides them from TypeScript, so it takes @types/better-sqlite3's
// (types only: the one SQLite at runtime is the encrypting one).
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-restricted-imports -- types only, nothing of better-sqlite3 is loaded
  import Database from 'better-sqlite3';
  export default Database;
}
