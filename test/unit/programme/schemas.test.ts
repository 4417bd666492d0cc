import { describe, expect, it } from 'vitest';
import { FollowUpRecorded } from '#events/follow-up-recorded';
import { MentoringRecorded } from '#events/mentoring-recorded';
import { PlacementEnded } from '#events/placement-ended';
import { PlacementStarted } from '#events/placement-started';
import { newId } from '#shared/kernel/ids';
import * as z from '#shared/kernel/validation';
import { EndPlacementSchema, RecordMentoringSchema, StartPlacementSchema } from '#shared/programme/schemas';

const accepts = (schema: z.ZodMiniType, value: unknown) => z.safeParse(schema, value).success;

describe('RecordMentoringSchema', () => {
  const valid = { date: '2026-12-02', topic: 'marketing', durationMinutes: 45, notes: '  Foto produk untuk Instagram  ' };

  it('accepts a date, a topic, 1 to 480 minutes and optional notes (trimmed)', () => {
    const { notes: _notes, ...withoutNotes } = valid;

    expect(z.parse(RecordMentoringSchema, valid)).toEqual({ ...valid, notes: 'Foto produk untuk Instagram' });
    expect(accepts(RecordMentoringSchema, withoutNotes)).toBe(true);
    expect([1, 480].map((durationMinutes) => accepts(RecordMentoringSchema, { ...valid, durationMinutes }))).toEqual([true, true]);
  });

  it('refuses 0 or 481 minutes, decimals, other topics, a non-date, years outside 2000–2999, blank notes and unknown fields', () => {
    const invalid = [
      { ...valid, durationMinutes: 0 },
      { ...valid, durationMinutes: 481 },
      { ...valid, durationMinutes: 30.5 },
      { ...valid, durationMinutes: '45' },
      { ...valid, topic: 'legal' },
      { ...valid, date: '2026-02-30' },
      { ...valid, date: '02/12/2026' },
      { ...valid, date: '1999-12-31' },
      { ...valid, notes: '   ' },
      { ...valid, notes: 'x'.repeat(2001) },
      { ...valid, mentorSub: 'someone' },
      { topic: 'business', durationMinutes: 30 },
    ];
    expect(invalid.map((body) => accepts(RecordMentoringSchema, body))).toEqual(invalid.map(() => false));
  });
});

describe('StartPlacementSchema and EndPlacementSchema', () => {
  const start = { kind: 'internship', organisation: 'Bank Sampah Mandiri', sector: 'recycling', startedOn: '2026-12-01' };

  it('accepts a kind, an organisation, a sector, a start and an optional planned end', () => {
    expect(accepts(StartPlacementSchema, start)).toBe(true);
    expect(accepts(StartPlacementSchema, { ...start, endsOn: '2027-03-01' })).toBe(true);
    expect(accepts(EndPlacementSchema, { endedOn: '2027-01-15', outcome: 'hired' })).toBe(true);
  });

  it('refuses other kinds and outcomes, blank texts, non-dates, a status and unknown fields', () => {
    const invalidStarts = [
      { ...start, kind: 'volunteer' },
      { ...start, organisation: ' ' },
      { ...start, sector: '' },
      { ...start, startedOn: '2026-13-01' },
      { ...start, endsOn: 'soon' },
      { ...start, status: 'active' },
      { kind: 'job', sector: 'retail', startedOn: '2026-12-01' },
    ];
    const invalidEnds = [
      { endedOn: '2027-01-15', outcome: 'fired' },
      { outcome: 'hired' },
      { endedOn: '2027-01-15', outcome: 'hired', x: 1 },
    ];

    expect(invalidStarts.map((body) => accepts(StartPlacementSchema, body))).toEqual(invalidStarts.map(() => false));
    expect(invalidEnds.map((body) => accepts(EndPlacementSchema, body))).toEqual(invalidEnds.map(() => false));
  });
});

describe('the programme events', () => {
  const ids = { participantId: newId('prt'), groupId: newId('grp') };

  it('carry ids and codes only: notes, an organisation, a sector or what a follow-up found are refused', () => {
    expect(accepts(MentoringRecorded.data, { sessionId: newId('mtr'), ...ids, topic: 'business' })).toBe(true);
    expect(accepts(MentoringRecorded.data, { sessionId: newId('mtr'), ...ids, topic: 'business', notes: 'x' })).toBe(false);
    expect(accepts(PlacementStarted.data, { placementId: newId('plc'), ...ids, kind: 'job', organisation: 'x' })).toBe(false);
    expect(accepts(PlacementEnded.data, { placementId: newId('plc'), ...ids, kind: 'job', outcome: 'left', sector: 'x' })).toBe(false);
    const followUp = { followUpId: newId('fup'), ...ids, enrollmentId: newId('enr'), monthsAfter: 6 };
    expect(accepts(FollowUpRecorded.data, followUp)).toBe(true);
    expect(
      ['notes', 'working', 'monthlyIncomeBand', 'stillSelling'].map((field) =>
        accepts(FollowUpRecorded.data, { ...followUp, [field]: 'x' }),
      ),
    ).toEqual([false, false, false, false]);
    expect([MentoringRecorded, PlacementStarted, PlacementEnded, FollowUpRecorded].map((c) => c.source)).toEqual(
      Array(4).fill('pas-kreatif.programme'),
    );
  });
});
