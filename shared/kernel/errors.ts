/**
 * Typed errors the use-cases throw. The HTTP boundary maps each kind to a status once
 * (shared/http/problem.ts); nothing below it knows about HTTP.
 */
export interface FieldError {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'invalid-input'
    | 'unauthorized'
    | 'forbidden'
    | 'not-found'
    | 'conflict'
    | 'business-rule'
    | 'body-too-large'
    | 'unsupported-media-type'
    | 'unavailable';
}

export class InvalidInputError extends DomainError {
  readonly kind = 'invalid-input';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** Also thrown for records that exist but the caller may not see: absence and secrecy look alike. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(resource: string) {
    super(`${resource} not found`);
  }
}

/** Wrong lifecycle step, duplicate, out of stock. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Well-formed input that breaks a business rule; `errors` name the fields the rule is about, when there are any. */
export class BusinessRuleError extends DomainError {
  readonly kind = 'business-rule';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly kind = 'unsupported-media-type';
}

/** A body over the size every route accepts (maxBodyBytes): refused before it is parsed. */
export class BodyTooLargeError extends DomainError {
  readonly kind = 'body-too-large';
}

/**
 * How long a caller should wait before retrying (Retry-After, seconds): contention (throttling, lost races) clears
 * in about a second; a dependency that stalls, times out or cannot be reached needs longer.
 */
export const retryAfterSeconds = { busy: 1, unavailable: 5 } as const;

/**
 * A dependency (DynamoDB, EventBridge, SQS, Midtrans…) could not do its part in time: it throttled, stalled, timed
 * out, failed or could not be reached. Nothing about the request is wrong; the same request may be retried later.
 */
export class DependencyUnavailableError extends DomainError {
  readonly kind = 'unavailable';
  readonly retryAfterSeconds: number;
  constructor(
    readonly reason: keyof typeof retryAfterSeconds,
    options?: ErrorOptions,
  ) {
    super(
      reason === 'busy'
        ? 'The service is busy right now; please retry in a moment'
        : 'A service we depend on did not answer in time; please retry shortly',
      options,
    );
    this.retryAfterSeconds = retryAfterSeconds[reason];
  }
}
