import { describe, expect, it } from 'vitest';
import { asDependencyFault } from '#shared/kernel/aws/dependency-faults';
import { DependencyUnavailableError } from '#shared/kernel/errors';

/** An error shaped as the SDK throws it: a service exception by name, with its HTTP status in $metadata. */
const sdkError = (name: string, httpStatusCode?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name}: the AWS text`), { name, $metadata: { httpStatusCode }, ...extra });

const cancelled = (...codes: string[]) =>
  sdkError('TransactionCanceledException', 400, { CancellationReasons: codes.map((Code) => ({ Code })) });

const networkError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:8000`), { code });

describe('asDependencyFault', () => {
  it('calls throttling busy: retry in a second', () => {
    const throttled = [
      sdkError('ThrottlingException', 400),
      sdkError('ProvisionedThroughputExceededException', 400),
      sdkError('RequestLimitExceeded', 400),
      sdkError('SomethingNew', 429),
      cancelled('None', 'ThrottlingError'),
      cancelled('ProvisionedThroughputExceeded'),
    ];

    expect(throttled.map((error) => asDependencyFault(error)?.reason)).toEqual(Array(throttled.length).fill('busy'));
    expect(asDependencyFault(throttled[0])?.retryAfterSeconds).toBe(1);
  });

  it('calls a timeout, an unreachable endpoint, a 5xx or a request cut at the deadline unavailable: retry in five', () => {
    const deadline = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const unavailable = [
      Object.assign(new Error('a request has exceeded the configured 1000 ms requestTimeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' }),
      networkError('ECONNREFUSED'),
      networkError('ECONNRESET'),
      networkError('ENOTFOUND'),
      Object.assign(new TypeError('fetch failed'), { cause: networkError('ECONNREFUSED') }),
      sdkError('InternalServerError', 500),
      sdkError('ServiceUnavailable', 503),
      Object.assign(new Error('Request aborted'), { name: 'AbortError', cause: deadline }),
    ];

    expect(unavailable.map((error) => asDependencyFault(error)?.reason)).toEqual(Array(unavailable.length).fill('unavailable'));
    expect(asDependencyFault(unavailable[0])?.retryAfterSeconds).toBe(5);
  });

  it('keeps the AWS error only as the cause: the message is ours', () => {
    const original = sdkError('ThrottlingException', 400);

    const fault = asDependencyFault(original);

    expect(fault).toBeInstanceOf(DependencyUnavailableError);
    expect(fault?.cause).toBe(original);
    expect(fault?.message).not.toContain('AWS');
  });

  it('leaves refusals and bugs alone: those are not the dependency’s trouble', () => {
    const notFaults = [
      sdkError('ConditionalCheckFailedException', 400),
      sdkError('ValidationException', 400),
      cancelled('ConditionalCheckFailed', 'ThrottlingError'),
      sdkError('AccessDeniedException', 400),
      Object.assign(new Error('Request aborted'), { name: 'AbortError' }),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'a string',
      undefined,
    ];

    expect(notFaults.map((error) => asDependencyFault(error))).toEqual(Array(notFaults.length).fill(undefined));
  });

  it('passes a DependencyUnavailableError through as it is', () => {
    const busy = new DependencyUnavailableError('busy');

    expect(asDependencyFault(busy)).toBe(busy);
  });
});
