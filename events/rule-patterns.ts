// Without zod: a declaration derives its rule's pattern from here, and every bundle holds its declaration.
import type { EventContract, EventSource } from './event-contract.ts';

/** The EventBridge pattern that selects one event type. */
export function patternFor(contract: EventContract): Record<string, unknown> {
  return { source: [contract.source], 'detail-type': [contract.detailType] };
}

/**
 * One EventBridge pattern that selects exactly these event types, for a consumer of several: one `$or`
 * branch per source, so no detail-type matches under a source that does not emit it.
 */
export function patternForAny(contracts: readonly EventContract[]): Record<string, unknown> {
  const bySource = new Map<EventSource, string[]>();
  for (const contract of contracts) bySource.set(contract.source, [...(bySource.get(contract.source) ?? []), contract.detailType]);
  const branches = [...bySource].map(([source, detailTypes]) => ({ source: [source], 'detail-type': detailTypes }));
  return branches.length === 1 ? (branches[0] as Record<string, unknown>) : { $or: branches };
}
