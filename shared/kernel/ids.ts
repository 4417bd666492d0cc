import { monotonicFactory } from 'ulid';

export type IdPrefix = 'grp' | 'prt' | 'prg' | 'enr' | 'prd' | 'img' | 'ord' | 'whk' | 'evt' | 'pay' | 'mtr' | 'plc' | 'fup';

// Monotonic: ids made in the same millisecond by one container still sort in the order they were made.
const ulid = monotonicFactory();

/** Prefixed ULIDs: the prefix says what an id names, the ULID sorts by creation time. */
export function newId<P extends IdPrefix>(prefix: P): `${P}_${string}` {
  return `${prefix}_${ulid()}`;
}
