import { type Caller, hasRole, isParticipant } from '#shared/kernel/auth/caller';
import type { Product } from '#shared/catalog/schemas';
import type { Clock } from '#shared/kernel/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/kernel/errors';
import type { OrderStore } from '#shared/orders/ports';
import type { ParticipantStore } from '#shared/participants/ports';
import type { Participant } from '#shared/participants/schemas';
import { canSeeParticipant } from '#shared/kernel/auth/private-view';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { EnrollmentStore } from '#shared/training/ports';
import { type AccessLog, recordAccess } from '#shared/kernel/access-log/access-log';
import type { AccessRecord } from '#shared/kernel/access-log/access-record';
import type { EarningsReader, ParticipantProducts, ProgrammeRecords } from './ports.ts';
import type { PersonalDataExport } from './schemas.ts';

export interface PrivacyDeps {
  participants: ParticipantStore;
  enrollments: EnrollmentStore;
  products: ParticipantProducts;
  orders: OrderStore;
  earnings: EarningsReader;
  programme: ProgrammeRecords;
  accessLog: AccessLog;
  clock: Clock;
}

/** Every item of a paged list, reading the largest pages a list gives. */
async function everything<T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/**
 * Who looked, newest first, to whoever may see the participant (the participant above all). Reading the log is
 * not itself logged: it shows no private field, and the participant's own look at it would otherwise add to it.
 */
export async function getAccessLog(
  deps: Pick<PrivacyDeps, 'participants' | 'accessLog'>,
  caller: Caller,
  participantId: string,
  page: PageRequest,
): Promise<Page<AccessRecord>> {
  const participant = await deps.participants.get(participantId);
  if (!participant || !canSeeParticipant(caller, participant)) throw new NotFoundError('Participant');
  return deps.accessLog.list(participantId, page);
}

/**
 * Everything held about the participant. The participant, officers and admins only: a facilitator keeps the group's
 * training records but has no right to the whole file (403); anyone who may not see the participant gets a 404.
 */
export async function exportPersonalData(deps: PrivacyDeps, caller: Caller, participantId: string): Promise<PersonalDataExport> {
  if (!hasRole(caller, 'admin', 'officer', 'participant')) throw new ForbiddenError('Only the participant, officers and admins export');
  const participant = await deps.participants.get(participantId);
  if (!participant || !(hasRole(caller, 'admin', 'officer') || isParticipant(caller, participantId)))
    throw new NotFoundError('Participant');
  await recordAccess(deps, caller, 'personal-data.export', [participantId]);
  const [enrollments, products, orders, earnings, payouts, mentoringSessions, placements, followUps, accessLog] = await Promise.all([
    everything((page) => deps.enrollments.listByParticipant(participantId, page)),
    deps.products.ofParticipant(participantId),
    everything((page) => deps.orders.listForSeller(participantId, undefined, page)),
    deps.earnings.of(participantId),
    deps.earnings.payoutsOf(participantId),
    deps.programme.mentoringOf(participantId),
    deps.programme.placementsOf(participantId),
    deps.programme.followUpsOf(participantId),
    everything((page) => deps.accessLog.list(participantId, page)),
  ]);
  return {
    exportedAt: deps.clock.now().toISOString(),
    participant,
    enrollments,
    products,
    orders,
    earnings,
    payouts,
    mentoringSessions,
    placements,
    followUps,
    accessLog,
  };
}

/**
 * Delists a listed product. A conflict means it changed meanwhile (its seller or a facilitator delisted it): read it
 * again, and stop once it is no longer listed. Races it kept losing are a 503, and repeating the erasure is harmless.
 */
async function delist(deps: Pick<PrivacyDeps, 'products'>, listed: Product, at: string): Promise<void> {
  let product: Product | undefined = listed;
  for (let attempt = 1; product?.status === 'listed'; attempt += 1) {
    try {
      await deps.products.withdraw(product, at);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
    product = await deps.products.get(listed.id);
  }
}

/**
 * Erases what identifies the participant (legalName, registerNumber, phone, assessment notes, mentoring notes,
 * placements' organisations, follow-up notes, the public profile's texts, with consent withdrawn) and delists their products with ProductDelisted. Ids, amounts and counts stay, so
 * reports stay true. Each step is idempotent and the participant is marked first, which stops new listings,
 * enrollments and profile texts: a repeat (after a failure part way, or by mistake) finishes the job and emits
 * nothing for what is done already.
 */
export async function erasePersonalData(deps: PrivacyDeps, caller: Caller, participantId: string): Promise<Participant> {
  if (!hasRole(caller, 'admin', 'officer')) throw new ForbiddenError('Only an officer or an admin erases personal data');
  if (!(await deps.participants.get(participantId))) throw new NotFoundError('Participant');
  await recordAccess(deps, caller, 'personal-data.erase', [participantId]);
  const at = deps.clock.now().toISOString();
  const erased = await deps.participants.erase(participantId, at);
  if (!erased) throw new NotFoundError('Participant');
  await deps.enrollments.eraseNotes(participantId, at);
  await deps.programme.erase(participantId, at);
  const listed = (await deps.products.ofParticipant(participantId)).filter((product) => product.status === 'listed');
  for (const product of listed) await delist(deps, product, at);
  return erased;
}
