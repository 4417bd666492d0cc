import * as z from './validation.ts';
import { defineEvent, EventSource } from './event-contract.ts';
import { GroupId, ParticipantId, PlacementId } from './ids.ts';

export const PlacementKind = z.enum(['internship', 'job', 'own_business']);

/** The kind as a code; the organisation (it can identify the person at work) and the sector stay in the record. */
export const PlacementStarted = defineEvent({
  detailType: 'PlacementStarted',
  source: EventSource.programme,
  data: z.strictObject({ placementId: PlacementId, participantId: ParticipantId, groupId: GroupId, kind: PlacementKind }),
});
