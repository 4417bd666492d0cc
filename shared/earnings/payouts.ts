import { createHash } from 'node:crypto';
import { PayoutRecorded } from '#events/payout-recorded';
import { type Caller, hasRole, isFacilitatorOf } from '#shared/kernel/auth/caller';
import { type AccessLogDeps, recordAccess } from '#shared/kernel/access-log/access-log';
import type { Clock } from '#shared/kernel/clock';
import { BusinessRuleError, ConflictError, ForbiddenError, InvalidInputError } from '#shared/kernel/errors';
import { newId } from '#shared/kernel/ids';
import { pendingEvent } from '#shared/kernel/store/outbox';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import * as z from '#shared/kernel/validation';
import { groupIfVisible } from './earnings.ts';
import { monthOf } from './ledger-lines.ts';
import type { EarningsSources, PayoutStore } from './ports.ts';
import { type Payout, type RecordPayout, RecordPayoutHeadersSchema } from './schemas.ts';

export interface PayoutDeps {
  payouts: PayoutStore;
  sources: Pick<EarningsSources, 'groupOf'>;
  clock: Clock;
}

/** How long a key keeps answering with its payout (and refusing another body), as for orders. */
export const payoutKeyWindowSeconds = 24 * 60 * 60;

/**
 * The participant and the validated body, fields in a fixed order: the same request hashes alike however its
 * JSON was ordered, and the same body for another participant is another request.
 */
export const payoutRequestHash = (participantId: string, input: RecordPayout) =>
  createHash('sha256')
    .update(JSON.stringify([participantId, input.amountIdr, input.method, input.reference, input.paidOn]))
    .digest('base64url');

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A payout is recorded on or after the day it was made. "Today" is the payer's: Indonesia is up to 9 hours ahead of
 * UTC, so a date one day after today's UTC date is still today somewhere in the country.
 */
function checkPaidOn(paidOn: string, now: Date): void {
  const latest = new Date(now.getTime() + dayMs).toISOString().slice(0, 10);
  if (paidOn > latest)
    throw new InvalidInputError('A payout is recorded once it is made', [{ path: 'body.paidOn', message: 'Must not be in the future' }]);
}

/** The edge checks the header already; a use-case called any other way checks it the same. */
function idempotencyKey(raw: string | undefined): string {
  const parsed = z.safeParse(RecordPayoutHeadersSchema, { 'idempotency-key': raw });
  if (!parsed.success)
    throw new InvalidInputError('Send an Idempotency-Key header', [
      { path: 'headers.idempotency-key', message: 'Required: 1 to 255 characters, the same on every retry' },
    ]);
  return parsed.data['idempotency-key'];
}

async function replay(deps: PayoutDeps, participantId: string, claim: { bodyHash: string; payoutId: string }, hash: string) {
  if (claim.bodyHash !== hash) throw new BusinessRuleError('This Idempotency-Key was used for another payout; send a new key');
  const payout = await deps.payouts.get(participantId, claim.payoutId);
  if (!payout) throw new ConflictError('The payout for this Idempotency-Key is not readable yet; try again');
  return payout;
}

/**
 * Records money handed to the participant, once per Idempotency-Key: the group's facilitators and admins only. The
 * balance decides in the payout's own transaction (its condition), so concurrent payouts never take it below 0.
 */
export async function recordPayout(
  deps: PayoutDeps,
  caller: Caller,
  participantId: string,
  rawKey: string | undefined,
  input: RecordPayout,
): Promise<Payout> {
  const key = idempotencyKey(rawKey);
  const groupId = await groupIfVisible(deps.sources, caller, participantId);
  if (!(hasRole(caller, 'admin') || isFacilitatorOf(caller, groupId)))
    throw new ForbiddenError("Only the group's facilitators and admins record payouts");
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const hash = payoutRequestHash(participantId, input);
  const earlier = await deps.payouts.claimOf(caller.sub, key, nowSeconds);
  if (earlier) return replay(deps, participantId, earlier, hash);
  checkPaidOn(input.paidOn, now);

  const createdAt = now.toISOString();
  const payout: Payout = { id: newId('pay'), participantId, groupId, ...input, recordedBy: caller.sub, createdAt };
  const outcome = await deps.payouts.record({
    payout,
    claim: { sub: caller.sub, key, bodyHash: hash, expiresAt: nowSeconds + payoutKeyWindowSeconds },
    line: { kind: 'payout', participantId, date: input.paidOn, at: createdAt, amountIdr: -input.amountIdr, payoutId: payout.id },
    change: { participantId, month: monthOf(input.paidOn), creditedIdr: 0, reversedIdr: 0, paidOutIdr: input.amountIdr },
    event: pendingEvent(
      PayoutRecorded,
      { payoutId: payout.id, participantId, groupId, amountIdr: input.amountIdr, method: input.method },
      createdAt,
    ),
  });
  if (outcome === 'recorded') return payout;
  if (outcome === 'insufficient-balance')
    throw new BusinessRuleError("The payout is more than the participant's balance; read GET /participants/{participantId}/earnings");
  // A concurrent request with the same key won the claim.
  const winner = await deps.payouts.claimOf(caller.sub, key, nowSeconds);
  if (!winner) throw new ConflictError('A request with this Idempotency-Key is in progress; try again');
  return replay(deps, participantId, winner, hash);
}

/** The participant's private view, newest first; each read is recorded. */
export async function listPayouts(
  deps: Pick<PayoutDeps, 'payouts' | 'sources'> & AccessLogDeps,
  caller: Caller,
  participantId: string,
  page: PageRequest,
): Promise<Page<Payout>> {
  await groupIfVisible(deps.sources, caller, participantId);
  await recordAccess(deps, caller, 'payouts.read', [participantId]);
  return deps.payouts.list(participantId, page);
}
