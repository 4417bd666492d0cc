import { detailSchema, type EventContract, type EventDetail } from '#events/event-contract';

/** What carried the event: its EventBridge event id, or the id of the SQS message it came in. */
export interface Carrier {
  messageId: string;
}

/** What a consumer does with one event type; `on` keeps the detail typed by its contract. */
export interface EventCase {
  contract: EventContract;
  run(detail: EventDetail<EventContract>, carrier: Carrier): Promise<void>;
}

export function on<C extends EventContract>(contract: C, run: (detail: EventDetail<C>, carrier: Carrier) => Promise<void>): EventCase {
  return { contract, run: run as EventCase['run'] };
}

const keyOf = ({ source, detailType }: { source: string; detailType: string }) => `${source}\u0000${detailType}`;

/**
 * Picks the case of an event by its source and detail-type and parses its detail by that case's contract, so a
 * consumer never acts on a malformed event. The cases must be exactly the declared contracts, checked when the
 * handler is built: a declared event without a case would otherwise reach the function and fail there. An event
 * no case names is an error (the rule should not have let it through), so it is retried and then dead-lettered
 * rather than silently dropped.
 */
export function eventDispatch(declared: readonly EventContract[], cases: readonly EventCase[]) {
  const byType = new Map(cases.map((entry) => [keyOf(entry.contract), entry]));
  const declaredKeys = new Set(declared.map(keyOf));
  if (byType.size !== cases.length || byType.size !== declaredKeys.size || [...byType.keys()].some((key) => !declaredKeys.has(key))) {
    throw new Error(
      `The cases (${cases.map((entry) => entry.contract.detailType).join(', ')}) are not one per declared event (${declared.map((contract) => contract.detailType).join(', ')})`,
    );
  }
  const schemas = new Map(cases.map((entry) => [entry, detailSchema(entry.contract)]));
  return (event: { source: string; 'detail-type': string; detail: unknown }) => {
    const entry = byType.get(keyOf({ source: event.source, detailType: event['detail-type'] }));
    if (!entry) throw new Error(`No case for ${event['detail-type']} from ${event.source}`);
    return { entry, detail: schemas.get(entry)?.parse(event.detail) as EventDetail<EventContract> };
  };
}
