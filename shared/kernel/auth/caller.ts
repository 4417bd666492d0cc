import { UnauthorizedError } from '#shared/kernel/errors';

export const Roles = ['admin', 'officer', 'facilitator', 'participant', 'buyer'] as const;
export type Role = (typeof Roles)[number];

/** Who is calling, as the JWT authorizer (or, on optional-auth routes, the function's own token check) vouched for them. */
export interface Caller {
  sub: string;
  roles: readonly Role[];
  /** custom:groupId, the facilitator's group */
  groupId?: string;
  /** custom:participantId, the participant's own record */
  participantId?: string;
}

/** A token's claims: as API Gateway hands them over (every value a string), or as verified by the function itself. */
export type Claims = Readonly<Record<string, unknown>>;

/**
 * API Gateway's JWT authorizer flattens array claims into one string such as
 * "[officer admin]"; a plain array is accepted too: tokens a function verifies itself carry one.
 */
export function parseRoles(claim: unknown): Role[] {
  const raw: unknown[] = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  return raw.filter((role): role is Role => (Roles as readonly unknown[]).includes(role));
}

export function callerFromClaims(claims: Claims | undefined): Caller {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') {
    throw new UnauthorizedError('A valid bearer token is required');
  }
  const groupId = claims?.['custom:groupId'];
  const participantId = claims?.['custom:participantId'];
  return {
    sub,
    roles: parseRoles(claims?.['cognito:groups']),
    ...(typeof groupId === 'string' && groupId !== '' ? { groupId } : {}),
    ...(typeof participantId === 'string' && participantId !== '' ? { participantId } : {}),
  };
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}

export function isFacilitatorOf(caller: Caller, groupId: string): boolean {
  return hasRole(caller, 'facilitator') && caller.groupId === groupId;
}

export function isParticipant(caller: Caller, participantId: string): boolean {
  return hasRole(caller, 'participant') && caller.participantId === participantId;
}
