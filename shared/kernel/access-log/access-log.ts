import type { Caller } from '#shared/kernel/auth/caller';
import type { Clock } from '#shared/kernel/clock';
import type { Page, PageRequest } from '#shared/kernel/store/page-schemas';
import type { AccessAction, AccessRecord } from './access-record.ts';

/**
 * How long a record of who looked is kept: two years covers a typical conditional release and
 * supervision term, and the time a participant has to notice a read and complain about it,
 * without keeping a lasting profile of which officer looked at whom. TTL deletes it after that.
 */
export const accessLogRetentionDays = 730;

/** Where the platform keeps who read whose private data (CONTRACT §3 Privacy); every context that shows it appends. */
export interface AccessLog {
  /** Stores every record, or fails: a caller must not see the data when its record could not be kept. */
  append(records: readonly AccessRecord[]): Promise<void>;
  /** Newest first. */
  list(participantId: string, page: PageRequest): Promise<Page<AccessRecord>>;
}

export interface AccessLogDeps {
  accessLog: AccessLog;
  clock: Clock;
}

/**
 * Records that the caller read these participants' private data. Call it after the caller was found
 * allowed and before the data is returned: if the log cannot be written the read fails (fails closed),
 * so no private data ever leaves without its record.
 */
export async function recordAccess(
  deps: AccessLogDeps,
  caller: Caller,
  action: AccessAction,
  participantIds: readonly string[],
): Promise<void> {
  if (participantIds.length === 0) return;
  const at = deps.clock.now().toISOString();
  await deps.accessLog.append(
    participantIds.map((participantId) => ({ at, actorSub: caller.sub, actorRoles: [...caller.roles], action, participantId })),
  );
}
