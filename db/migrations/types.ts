/** A numbered schema step. `up` is SQL run inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
