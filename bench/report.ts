import type { CrowdFigures } from './crowd.ts';
import type { ColdImport, FunctionFigures } from './functions.ts';
import type { HttpFigures } from './http.ts';
import type { PayoutFigures } from './payouts.ts';

/** The targets the issue sets, as ratios to floors measured in the same run (so the machine's load cancels out). */
export const targets = { bytes: 400 * 1024, coldImportRatio: 1.25, placementRatio: 1.5, readRatio: 2 };

const mark = (ok: boolean) => (ok ? 'ok ' : 'OVER');

/** What `--only=` can name: the cold imports, the read and order routes, the payout race, the crowd. */
export const benchParts = ['imports', 'routes', 'payouts', 'crowd'] as const;
export type BenchPart = (typeof benchParts)[number];

/** A part left out by `--only=` is missing (or an empty list). */
export interface BenchReport {
  floor: ColdImport | undefined;
  functions: FunctionFigures[];
  http: HttpFigures[];
  orderPlacementWcu: number | undefined;
  payouts: PayoutFigures | undefined;
  crowd: CrowdFigures | undefined;
}

const isPlacement = (h: HttpFigures) => h.name.startsWith('POST ');

const importLines = (floor: ColdImport, functions: readonly FunctionFigures[]) => [
  `cold-import floor (DocumentClient + one Get, bundled as the stack bundles): ${floor.bytes} bytes, ${floor.coldImportMs.toFixed(1)} ms`,
  `${'function'.padEnd(32)} ${'bytes'.padStart(9)}      ${'cold ms'.padStart(8)} ${'× floor'.padStart(8)}`,
  ...functions.map((f) => {
    const judged = f.holdsSdkClient && !f.nativeModules;
    const note = [f.holdsSdkClient ? '' : 'no SDK client', f.nativeModules ? 'native modules' : ''].filter(Boolean).join(', ');
    return `${f.name.padEnd(32)} ${String(f.bytes).padStart(9)} ${mark(f.bytes <= targets.bytes)} ${f.coldImportMs.toFixed(1).padStart(8)} ${f.floorRatio.toFixed(2).padStart(8)} ${judged ? mark(f.floorRatio <= targets.coldImportRatio) : '   '} ${note}`;
  }),
  '',
];

const httpLines = (http: readonly HttpFigures[], orderPlacementWcu: number | undefined) => [
  `${'route'.padEnd(32)} ${'requests'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'rps'.padStart(6)} ${'errors'.padStart(6)} ${'floor p99'.padStart(9)} ${'× floor'.padStart(8)}`,
  ...http.map(
    (h) =>
      `${h.name.padEnd(32)} ${String(h.requests).padStart(9)} ${String(h.p50Ms).padStart(7)} ${String(h.p99Ms).padStart(7)} ${String(h.rps).padStart(6)} ${String(h.errors).padStart(6)} ${String(h.floorP99Ms).padStart(9)} ${h.floorRatio.toFixed(2).padStart(8)} ${mark(h.floorRatio <= (isPlacement(h) ? targets.placementRatio : targets.readRatio))}`,
  ),
  '',
  `POST /orders: one placement (1 product) consumed ${orderPlacementWcu} write capacity units (ReturnConsumedCapacity TOTAL); its floor is a bare five-item TransactWriteItems`,
  '',
];

const payoutLines = (p: PayoutFigures) => [
  `${p.name}: ${p.concurrency} facilitators at once, ${p.rounds} rounds, ${p.requests} requests`,
  `  p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms; bare five-item transaction p50 ${p.floorP50Ms} ms, p99 ${p.floorP99Ms} ms: ${p.floorRatio.toFixed(2)}x the floor`,
  `  ${p.created} x 201, ${p.refused} x 422 (over the balance), ${p.errors} errors ${JSON.stringify(p.errorStatuses)}`,
  `  balance: credited ${p.creditedIdr}, paid out ${p.paidOutIdr} (the 201s: ${p.paidByAnswersIdr}), left ${p.balanceIdr}, lowest after a round ${p.lowestBalanceIdr}: ${p.balanceHolds ? 'never below 0, credited - the 201s exactly' : 'VIOLATED'}`,
  '',
];

const crowdLines = (crowd: CrowdFigures) => [
  `crowd (throttle on): ${crowd.buyers} buyers at once for ${crowd.stock} units, ${crowd.attempts} requests in ${crowd.seconds} s`,
  `  first answers ${JSON.stringify(crowd.firstAnswers)}, p50 ${crowd.firstP50Ms} ms, p99 ${crowd.firstP99Ms} ms`,
  `  final answers ${JSON.stringify(crowd.finalAnswers)} after retrying 429/503 as told (same Idempotency-Key)`,
  `  sold ${crowd.sold} (told to buyers), ${crowd.unitsTaken} units taken from stock, ${crowd.stockLeft} left: ${crowd.soldOut ? 'sold out exactly' : 'NOT exactly sold out'}`,
  '',
];

export function printReport(report: BenchReport, json: boolean) {
  const lines = [
    ...(report.floor ? importLines(report.floor, report.functions) : []),
    ...(report.http.length > 0 ? httpLines(report.http, report.orderPlacementWcu) : []),
    ...(report.payouts ? payoutLines(report.payouts) : []),
    ...(report.crowd ? crowdLines(report.crowd) : []),
    `targets: bundle <= ${targets.bytes} bytes; cold import of a function holding an SDK client <= ${targets.coldImportRatio}x the floor; POST /orders p99 <= ${targets.placementRatio}x the bare transaction's; a read's p99 <= ${targets.readRatio}x its bare DynamoDB calls'`,
  ];
  console.log(lines.join('\n'));
  if (json) console.log(JSON.stringify(report));
}
