import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, inject, it } from 'vitest';
import { localNames } from '#infra/local/runtime';
import { call, eventually } from '#test/support/api/client';
import { newGroupScenario } from '#test/support/api/scenario';

interface RecentEvent {
  source: string;
  detailType: string;
  detail: { metadata?: { eventId: string }; data?: Record<string, unknown> };
  targets: string[];
}

const bus = new EventBridgeClient({
  endpoint: inject('eventBusEndpoint'),
  region: 'ap-southeast-3',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const busStatus = async () => (await call('GET', '/_local/bus')).body as { pending: number; recent: RecentEvent[] };

describe('a consumer that receives the same event twice', () => {
  it('changes nothing the second time (TrainingCompleted → eligible)', async () => {
    // Prepare: a completed training whose event has made the participant eligible
    const { createProgram, registerParticipant, facilitator, officer } = await newGroupScenario({ sessionsRequired: 1 });
    const program = await createProgram();
    const { participant } = await registerParticipant();
    const enrolled = await call('POST', `/programs/${program.id}/enrollments`, {
      token: facilitator,
      body: { participantId: participant.id, assessment: { motivation: 3, notes: '' } },
    });
    await call('POST', `/enrollments/${enrolled.body.id}/attendance`, { token: facilitator, body: { date: '2026-11-02', present: true } });
    await call('POST', `/enrollments/${enrolled.body.id}/completion`, { token: facilitator, body: { score: 70 } });
    const eligible = await eventually(async () => {
      const read = await call('GET', `/participants/${participant.id}`, { token: officer });
      expect(read.body.sellerStatus).toBe('eligible');
      return read.body;
    });
    const original = (await busStatus()).recent.find(
      (event) => event.detailType === 'TrainingCompleted' && event.detail.data?.enrollmentId === enrolled.body.id,
    );
    expect(original?.targets).toContain('pas-kreatif-local-mark-seller-eligible');
    const eventId = original?.detail.metadata?.eventId as string;
    expect(eventId).toMatch(/^evt_/);

    // Act: the bus delivers the very same event again, as EventBridge may
    await bus.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: localNames.eventBusName,
            Source: original?.source,
            DetailType: original?.detailType,
            Detail: JSON.stringify(original?.detail),
          },
        ],
      }),
    );
    await eventually(async () => {
      const status = await busStatus();
      const redelivered = status.recent.filter((event) => event.detail.metadata?.eventId === eventId);
      expect(redelivered).toHaveLength(2);
      expect(status.pending).toBe(0);
    });

    // Assert
    const after = await call('GET', `/participants/${participant.id}`, { token: officer });
    expect(after.body).toEqual(eligible);
    const deadLetters = (await call('GET', '/_local/dead-letters')).body.items as { payload: unknown }[];
    expect(JSON.stringify(deadLetters)).not.toContain(eventId);
  });
});
