export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The value at this quantile of the latencies (nearest rank), rounded to the millisecond. */
export function quantile(latencies: readonly number[], q: number): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN);
}

/**
 * Runs `operation` `count` times from `concurrency` loops at once, as a load generator's connections would, and
 * returns each call's latency in milliseconds.
 */
export async function runConcurrently(count: number, concurrency: number, operation: (n: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < count; n = next++) {
        const sent = performance.now();
        await operation(n);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return latencies;
}
