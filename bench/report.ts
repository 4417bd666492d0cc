import type { FunctionFigures } from './functions.ts';
import type { HttpFigures } from './http.ts';
import type { TransactionFloor } from './transaction-floor.ts';

/** The targets the issues set for this machine. */
export const targets = { bytes: 400 * 1024, coldImportMs: 45, p99Ms: 50 };

const mark = (ok: boolean) => (ok ? 'ok ' : 'OVER');

export interface BenchReport {
  functions: FunctionFigures[];
  http: HttpFigures[];
  orderPlacementWcu: number;
  transactionFloor: TransactionFloor;
}

export function printReport(report: BenchReport, json: boolean) {
  const floor = report.transactionFloor;
  const lines = [
    `${'function'.padEnd(32)} ${'bytes'.padStart(9)} ${'cold import ms'.padStart(15)}`,
    ...report.functions.map(
      (f) =>
        `${f.name.padEnd(32)} ${String(f.bytes).padStart(9)} ${mark(f.bytes <= targets.bytes)} ${f.coldImportMs.toFixed(1).padStart(10)} ${mark(f.coldImportMs <= targets.coldImportMs)}`,
    ),
    '',
    `${'route'.padEnd(32)} ${'conc'.padStart(5)} ${'requests'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'rps'.padStart(6)} ${'errors'.padStart(6)}`,
    ...report.http.map(
      (h) =>
        `${h.name.padEnd(32)} ${String(h.concurrency).padStart(5)} ${String(h.requests).padStart(9)} ${String(h.p50Ms).padStart(7)} ${String(h.p99Ms).padStart(7)} ${mark(h.p99Ms <= targets.p99Ms)} ${String(h.rps).padStart(6)} ${String(h.errors).padStart(6)}`,
    ),
    '',
    `POST /orders: one placement (1 product) consumed ${report.orderPlacementWcu} write capacity units (ReturnConsumedCapacity TOTAL)`,
    `DynamoDB Local alone, TransactWriteItems of ${floor.items} new items at concurrency ${floor.concurrency}: p50 ${floor.p50Ms} ms, p99 ${floor.p99Ms} ms, ${floor.tps} transactions/s (${floor.transactions} transactions)`,
    '',
    `targets: bundle <= ${targets.bytes} bytes, cold import <= ${targets.coldImportMs} ms (median of 7 fresh processes), p99 <= ${targets.p99Ms} ms with 0 errors`,
  ];
  console.log(lines.join('\n'));
  if (json) console.log(JSON.stringify(report));
}
