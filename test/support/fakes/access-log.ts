import type { AccessLog } from '#shared/kernel/access-log/access-log';
import type { AccessRecord } from '#shared/kernel/access-log/access-record';
import { pageOf } from './page.ts';

/** An in-memory access log; `failing` makes every append fail, as an unreachable table would. */
export function fakeAccessLog(options: { failing?: boolean } = {}) {
  const records: AccessRecord[] = [];
  const accessLog: AccessLog = {
    async append(added) {
      if (options.failing) throw new Error('access log unavailable');
      records.push(...added);
    },
    list: async (participantId) => pageOf(records.filter((record) => record.participantId === participantId).reverse()),
  };
  return { accessLog, records };
}
