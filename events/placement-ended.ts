import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, PlacementId } from './ids.ts';
import { PlacementKind } from './placement-started.ts';

export const PlacementOutcome = z.enum(['completed', 'hired', 'left', 'dismissed']);

export const PlacementEnded = defineEvent({
  detailType: 'PlacementEnded',
  source: EventSource.programme,
  data: z.strictObject({
    placementId: PlacementId,
    participantId: ParticipantId,
    groupId: GroupId,
    kind: PlacementKind,
    outcome: PlacementOutcome,
  }),
});
