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
    'invalid-input' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'business-rule' | 'unsupported-media-type';
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

/** Well-formed input that breaks a business rule. */
export class BusinessRuleError extends DomainError {
  readonly kind = 'business-rule';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly kind = 'unsupported-media-type';
}
