import { describe, expect, it } from 'vitest';
import { type BusEvent, busStatus, putEvent, settled } from '#test/support/api/bus';
import { call, eventually } from '#test/support/api/client';
import { deadLetters } from '#test/support/api/dead-letters';
import { newGroupScenario } from '#test/support/api/scenario';

describe('a consumer that receives the same event twice', () => {
  it('changes nothing the second time (TrainingCompleted → eligible)', async () => {
    // Prepare: a completed training whose event has made the participant eligible
    const { enrolledParticipant, facilitator, officer } = await newGroupScenario({ sessionsRequired: 1 });
    const { participant, enrollment } = await enrolledParticipant({ motivation: 3, notes: '' });
    await call('POST', `/enrollments/${enrollment.id}/attendance`, { token: facilitator, body: { date: '2026-11-02', present: true } });
    await call('POST', `/enrollments/${enrollment.id}/completion`, { token: facilitator, body: { score: 70 } });
    const eligible = await eventually(async () => {
      const read = await call('GET', `/participants/${participant.id}`, { token: officer });
      expect(read.body.sellerStatus).toBe('eligible');
      return read.body;
    });
    const original = (await busStatus()).recent.find(
      (event) => event.detailType === 'TrainingCompleted' && event.detail.data?.enrollmentId === enrollment.id,
    );
    expect(original?.targets).toContain('pas-kreatif-local-mark-seller-eligible');
    const eventId = original?.detail.metadata?.eventId as string;
    expect(eventId).toMatch(/^evt_/);

    // Act: the bus delivers the very same event again, as EventBridge may
    await putEvent(original as BusEvent);
    await settled(eventId, 2);

    // Assert
    const after = await call('GET', `/participants/${participant.id}`, { token: officer });
    expect(after.body).toEqual(eligible);
    expect(JSON.stringify(await deadLetters())).not.toContain(eventId);
  });
});
