import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { EnvName, readEnv } from '#shared/kernel/env';
import { MetricName, metricsNamespace, metricsService } from './metric-names.ts';

/** The port use-cases count through: one occurrence of a business or fault event. */
export interface Counter {
  increment(name: MetricName): void;
}

let metrics: Metrics | undefined;

/**
 * Built on first use, not at import, so that the local runtime's own modules (its throttle) may import this before the
 * runtime sets STAGE. A missing STAGE still fails loudly, on the first count.
 */
function platformMetrics(): Metrics {
  metrics ??= new Metrics({
    namespace: metricsNamespace,
    serviceName: metricsService,
    defaultDimensions: { stage: readEnv(EnvName.stage) },
  });
  return metrics;
}

/**
 * Each count is its own EMF line on stdout, written at once (`singleMetric`): nothing waits in a buffer for a flush
 * at the end of the invocation, so no middleware has to flush, and the many invocations that count nothing print
 * nothing (Powertools warns on every empty flush). CloudWatch extracts the metric from the function's log; locally
 * the line is only printed.
 */
export const emfCounter: Counter = {
  increment: (name) => platformMetrics().singleMetric().addMetric(name, MetricUnit.Count, 1),
};

/** The counts an HTTP answer's status stands for, whichever error produced it. */
export function countAnswer(counter: Counter, status: number): void {
  if (status === 503) counter.increment(MetricName.dependencyUnavailable);
  else if (status >= 500) counter.increment(MetricName.fault);
}
