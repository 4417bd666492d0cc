import { AwsServiceError } from '#infra/local/aws-json';
import { assertValidPattern, InvalidEventPatternError, matchesPattern } from './event-pattern.ts';

/** TestEventPattern's EventPattern length constraint. */
const maxPatternLength = 4096;
/**
 * The API reference also lists `resources`, but EventBridge tests an event without it (as the CLI's own example
 * does); what it refuses is an event without one of these.
 */
const requiredEventFields = ['id', 'account', 'source', 'time', 'region', 'detail-type'];

/**
 * EventBridge's TestEventPattern: `{EventPattern, Event}`, both JSON text, → `{Result}`, matched by the bus's own
 * engine. A pattern EventBridge would refuse is an InvalidEventPatternException; an event that is not JSON, not an
 * object or lacks a required field is a ValidationException, as EventBridge answers it.
 */
export function testEventPattern(input: Record<string, unknown>): { Result: boolean } {
  const patternText = required(input.EventPattern, 'eventPattern');
  if (patternText.length > maxPatternLength)
    throw validationError(
      `Value at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to ${maxPatternLength}`,
    );
  const eventText = required(input.Event, 'event');

  let pattern: unknown;
  try {
    pattern = JSON.parse(patternText);
    assertValidPattern(pattern);
  } catch (error) {
    const message =
      error instanceof InvalidEventPatternError ? error.message : `Event pattern is not valid. Reason: ${(error as Error).message}`;
    throw new AwsServiceError('InvalidEventPatternException', message);
  }

  let event: unknown;
  try {
    event = JSON.parse(eventText);
  } catch {
    throw new AwsServiceError('ValidationException', 'Parameter Event is not valid.');
  }
  const missing = isObject(event) ? requiredEventFields.find((field) => !Object.hasOwn(event, field)) : undefined;
  if (!isObject(event) || missing)
    throw new AwsServiceError(
      'ValidationException',
      `Parameter Event is not valid.${missing ? ` Reason: Provided Event is missing required field ${missing}.` : ''}`,
    );

  return { Result: matchesPattern(pattern, event) };
}

function required(value: unknown, member: string): string {
  if (typeof value !== 'string') throw validationError(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  return value;
}

const validationError = (constraint: string) => new AwsServiceError('ValidationException', `1 validation error detected: ${constraint}`);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
