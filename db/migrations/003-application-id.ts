/**
 * 003: stamp the file as a ProcedureDesk database (PRAGMA application_id), so
 * start-up can tell our file from another application's SQLite database.
 */
import { APPLICATION_ID } from '../integrity';
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'application-id',
  up: `PRAGMA application_id = ${APPLICATION_ID};`,
};
