/**
 * What the platform counts, in one CloudWatch namespace. Functions write these as EMF lines, the access log's
 * metric filter writes Throttled, and the dashboard reads them: all from these constants, so no name drifts.
 */
export const metricsNamespace = 'PasKreatif';

/** Powertools gives every metric a `service` dimension: one value for the whole platform. */
export const metricsService = 'pas-kreatif';

/** The dimensions of every count: nothing per caller, route or record, so each count is one series per stage. */
export const metricDimensions = (stage: string) => ({ service: metricsService, stage });

export const MetricName = {
  /** a placement that stored a new order (never a replay of an Idempotency-Key) */
  orderPlaced: 'OrderPlaced',
  /** a placement refused with 409 because the stock was short */
  soldOut: 'SoldOut',
  /** a request the stage throttle refused with 429 before any function ran */
  throttled: 'Throttled',
  /** an answer of 503: a dependency stalled, throttled or failed, and the caller was told to retry */
  dependencyUnavailable: 'DependencyUnavailable',
  /** an answer of 500: a bug */
  fault: 'Fault',
} as const;

export type MetricName = (typeof MetricName)[keyof typeof MetricName];
