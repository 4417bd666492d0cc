import { describe, expect, it } from 'vitest';
import { httpDeclarations } from '#functions/declarations';
import { buildOpenApiDocument } from '#shared/platform/openapi';

type Operation = {
  requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: { properties: Record<string, unknown> } }> }>;
};

describe('the programme routes in the OpenAPI document', () => {
  const document = buildOpenApiDocument(httpDeclarations(), []);
  const operation = (path: string, method: string) => document.paths[path]?.[method] as Operation | undefined;

  it('describes the mentoring body (duration 1–480, the topics) and the session it answers', () => {
    const record = operation('/participants/{participantId}/mentoring-sessions', 'post');

    const body = record?.requestBody?.content['application/json']?.schema;
    expect(body?.properties.durationMinutes).toMatchObject({ type: 'integer', minimum: 1, maximum: 480 });
    expect(body?.properties.topic).toMatchObject({ enum: ['business', 'marketing', 'production', 'personal', 'other'] });
    expect(body?.required.sort()).toEqual(['date', 'durationMinutes', 'topic']);
    expect(Object.keys(record?.responses['201']?.content?.['application/json']?.schema.properties ?? {})).toContain('mentorSub');
  });

  it('describes starting and ending a placement and the lists', () => {
    const start = operation('/participants/{participantId}/placements', 'post')?.requestBody?.content['application/json']?.schema;
    const end = operation('/placements/{placementId}/end', 'post')?.requestBody?.content['application/json']?.schema;

    expect(start?.properties.kind).toMatchObject({ enum: ['internship', 'job', 'own_business'] });
    expect(end?.properties.outcome).toMatchObject({ enum: ['completed', 'hired', 'left', 'dismissed'] });
    expect(operation('/participants/{participantId}/placements', 'get')?.responses['200']).toBeDefined();
    expect(operation('/participants/{participantId}/mentoring-sessions', 'get')?.responses['200']).toBeDefined();
  });

  it('describes recording a follow-up (3, 6 or 12 months, the codes) and the group list by status', () => {
    const record = operation('/participants/{participantId}/follow-ups', 'post');
    const list = operation('/groups/{groupId}/follow-ups', 'get') as
      (Operation & { parameters?: { name: string; schema: unknown }[] }) | undefined;

    const body = record?.requestBody?.content['application/json']?.schema;
    expect(body?.properties.monthsAfter).toMatchObject({ enum: [3, 6, 12] });
    expect(body?.properties.working).toMatchObject({ enum: ['employed', 'self_employed', 'not_working', 'unknown'] });
    expect(body?.required.sort()).toEqual(['contactedOn', 'enrollmentId', 'monthlyIncomeBand', 'monthsAfter', 'stillSelling', 'working']);
    expect(Object.keys(record?.responses['201']?.content?.['application/json']?.schema.properties ?? {})).toContain('recordedBy');
    expect(list?.parameters?.find((parameter) => parameter.name === 'status')?.schema).toMatchObject({ enum: ['due', 'overdue', 'done'] });
  });
});
