import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventCatalog } from '#events/catalog';
import { defineEvent, EventSource } from '#events/event-contract';
import { GroupId, ParticipantId } from '#events/ids';
import * as z from '#shared/kernel/validation';
import { newId } from '#shared/kernel/ids';
import { buildAsyncApiDocument } from '#shared/platform/asyncapi';
import { buildEventSchemas } from '#shared/platform/openapi';
import { signatureHeaders } from '#shared/webhooks/signing';

type Document = ReturnType<typeof buildAsyncApiDocument>;

const parser = new Parser();

async function parse(document: object) {
  const { document: parsed, diagnostics } = await parser.parse(JSON.stringify(document));
  // Warnings count too: they are what a partner's linter shows; information (a newer AsyncAPI exists) does not.
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity <= DiagnosticSeverity.Warning);
  return { parsed, errors: errors.map((error) => `${error.path.join('.')}: ${error.message}`) };
}

/** The parser's model, with every $ref resolved: what a partner's tooling sees. */
type Parsed = NonNullable<Awaited<ReturnType<typeof parse>>['parsed']>;

/** The data schema a partner's tooling resolves, without the ids the parser adds to every schema. */
const dataSchemaOf = (parsed: Parsed, detailType: string) => {
  const data = parsed.channels().get('webhook')?.messages().get(detailType)?.payload()?.properties()?.data?.json();
  return JSON.parse(JSON.stringify(data, (key, value) => (key.startsWith('x-parser-') ? undefined : value)));
};

describe('AsyncAPI document', () => {
  const document = buildAsyncApiDocument(eventCatalog);
  let parsed: Parsed;
  let errors: string[];

  beforeAll(async () => {
    const result = await parse(document);
    errors = result.errors;
    parsed = result.parsed as Parsed;
  });

  it('passes the AsyncAPI parser with no error or warning', () => {
    expect(errors).toEqual([]);
  });

  it('is AsyncAPI 3.0.0 with a title, version, description and license', () => {
    expect(parsed.version()).toBe('3.0.0');
    expect(parsed.info().title()).toBe('PAS Kreatif webhooks');
    expect(parsed.info().description()).toMatch(/EventBridge bus `pas-kreatif-<stage>`/);
    expect(parsed.info().license()?.name()).toBeTruthy();
  });

  it('has one message per event, whose payload is the Standard Webhooks envelope around the data schema of /events/schemas', () => {
    const dataSchemas = buildEventSchemas(eventCatalog) as Record<string, Record<string, unknown>>;

    for (const { detailType } of eventCatalog) {
      const { $schema: _dialect, ...data } = dataSchemas[detailType] ?? {};
      const payload = parsed.channels().get('webhook')?.messages().get(detailType)?.payload();

      expect(Object.keys(data), detailType).toContain('properties');
      expect(payload?.required(), detailType).toEqual(['type', 'timestamp', 'data']);
      expect(payload?.properties()?.type?.const(), detailType).toBe(detailType);
      expect(payload?.properties()?.timestamp?.format(), detailType).toBe('date-time');
      expect(dataSchemaOf(parsed, detailType), detailType).toEqual(data);
    }
  });

  it('names the EventBridge source and detail-type of each message', () => {
    for (const { detailType, source } of eventCatalog) {
      expect(parsed.messages().get(detailType)?.extensions().get('x-eventbridge')?.value()).toEqual({ source, detailType });
    }
  });

  it("has a receive operation per event on the one webhook channel, on the partner's https server", () => {
    const operations = parsed.operations().all();

    expect(operations.map((operation) => operation.id()).sort()).toEqual(
      eventCatalog.map(({ detailType }) => `receive${detailType}`).sort(),
    );
    for (const operation of operations) {
      expect(operation.action()).toBe('receive');
      expect(
        operation
          .channels()
          .all()
          .map((channel) => channel.id()),
      ).toEqual(['webhook']);
    }
    expect(parsed.servers().get('partner')?.protocol()).toBe('https');
  });

  it('describes the headers the signer sends: the evt_ id, Unix seconds and one v1 signature per secret', () => {
    const messageId = newId('evt');
    const headers = signatureHeaders({
      messageId,
      at: new Date('2026-11-28T05:36:47.000Z'),
      body: '{}',
      secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'],
    });
    const schema = parsed.messages().get('OrderPlaced')?.headers();

    expect(schema?.required()?.sort()).toEqual(Object.keys(headers).sort());
    for (const [name, value] of Object.entries(headers)) {
      expect(value, name).toMatch(new RegExp(schema?.properties()?.[name]?.pattern() ?? '^$'));
    }
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(parsed.securitySchemes().get('webhookSignature')?.json()).toMatchObject({
      type: 'httpApiKey',
      in: 'header',
      name: 'webhook-signature',
    });
  });

  it('describes an event added to the contracts without anything else written', async () => {
    // Prepare
    const Later = defineEvent({
      detailType: 'SomethingLater',
      source: EventSource.programme,
      data: z.strictObject({ participantId: ParticipantId, groupId: GroupId, monthsAfter: z.int() }),
    });

    // Act
    const { parsed: withLater, errors } = await parse(buildAsyncApiDocument([...eventCatalog, Later]));

    // Assert
    expect(errors).toEqual([]);
    expect(dataSchemaOf(withLater as Parsed, 'SomethingLater')).toMatchObject({ required: ['participantId', 'groupId', 'monthsAfter'] });
    expect(withLater?.operations().get('receiveSomethingLater')?.action()).toBe('receive');
  });

  it.each([
    [
      'an operation without its action',
      (broken: Document) => delete (broken.operations.receiveOrderPlaced as Partial<Document['operations'][string]>).action,
    ],
    ['a license without its name', (broken: Document) => delete (broken.info.license as { name?: string }).name],
    [
      'a data schema of an unknown type',
      (broken: Document) => void ((broken.components.schemas as Record<string, object>).OrderPlacedData = { type: 'text' }),
    ],
  ])('fails validation for %s, so the check above can fail', async (_case, breakIt) => {
    const broken = structuredClone(document);
    breakIt(broken);

    const { errors } = await parse(broken);

    expect(errors).not.toEqual([]);
  });
});
