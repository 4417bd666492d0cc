import { describe, expect, it } from 'vitest';
import { buildCursorCodec } from '#shared/kernel/store/pagination';

describe('cursor codec', () => {
  const codec = buildCursorCodec('test-secret');
  const key = { pk: 'GROUP#grp_1', sk: 'GROUP', gsi1pk: 'GROUPS', gsi1sk: 'grp_1' };

  it('round-trips a key within the same list', () => {
    expect(codec.decode(codec.encode(key, 'groups'), 'groups')).toEqual(key);
  });

  it('refuses a cursor from another list, a tampered cursor, or one signed with another key', () => {
    const cursor = codec.encode(key, 'groups');
    const [payload, mac] = cursor.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...key, gsi1sk: 'grp_2' })).toString('base64url');

    expect(() => codec.decode(cursor, 'programs')).toThrow(/cursor/);
    expect(() => codec.decode(`${forgedPayload}.${mac}`, 'groups')).toThrow(/cursor/);
    expect(() => codec.decode(`${payload}`, 'groups')).toThrow(/cursor/);
    expect(() => buildCursorCodec('other-secret').decode(cursor, 'groups')).toThrow(/cursor/);
  });
});
