import { describe, expect, it } from 'vitest';
import { callerFromClaims, parseRoles } from '#shared/kernel/auth/caller';

describe('parseRoles', () => {
  it.each([
    ['[officer admin]', ['officer', 'admin']],
    ['[buyer]', ['buyer']],
    [
      ['facilitator', 'participant'],
      ['facilitator', 'participant'],
    ],
    ['[admin superuser]', ['admin']],
    [undefined, []],
  ])('reads %j', (claim, roles) => {
    expect(parseRoles(claim)).toEqual(roles);
  });
});

describe('callerFromClaims', () => {
  it('reads the scoping claims', () => {
    expect(callerFromClaims({ sub: 's', 'cognito:groups': '[facilitator]', 'custom:groupId': 'grp_1' })).toEqual({
      sub: 's',
      roles: ['facilitator'],
      groupId: 'grp_1',
    });
  });

  it('refuses claims without a subject', () => {
    expect(() => callerFromClaims({ 'cognito:groups': '[admin]' })).toThrow(/token/);
  });
});
