import type { MetricName } from '#shared/kernel/observability/metric-names';
import type { Counter } from '#shared/kernel/observability/metrics';

/** A Counter that keeps what was counted, in order. */
export function recordingCounter() {
  const counted: MetricName[] = [];
  const counter: Counter = { increment: (name) => void counted.push(name) };
  return { counter, counted };
}
