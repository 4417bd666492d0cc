import { asDependencyFault } from '#shared/kernel/aws/dependency-faults';
import { DependencyUnavailableError, DomainError, type FieldError } from '#shared/kernel/errors';

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const problemTypes: Record<DomainError['kind'], { status: number; title: string }> = {
  'invalid-input': { status: 400, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'body-too-large': { status: 413, title: 'Content too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'business-rule': { status: 422, title: 'Business rule violated' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

const problemBase = 'https://pas-kreatif.id/problems/';

/** A typed error as it is, a dependency's failure as the typed error it means (never its AWS text), else undefined. */
const typed = (error: unknown) => (error instanceof DomainError ? error : asDependencyFault(error));

export function problemFor(thrown: unknown): Problem {
  const error = typed(thrown);
  if (error) {
    const { status, title } = problemTypes[error.kind];
    const errors = 'errors' in error && Array.isArray(error.errors) && error.errors.length > 0 ? error.errors : undefined;
    return { type: problemBase + error.kind, title, status, detail: error.message, ...(errors ? { errors } : {}) };
  }
  // Whatever failed, the caller learns only that it did: no stack, no AWS error text.
  return {
    type: problemBase + 'internal',
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side. It has been logged; please try again later.',
  };
}

/** The headers a problem needs besides its body: a 503 says when to come back (RFC 9110 §10.2.3, seconds). */
export function problemHeaders(thrown: unknown): Record<string, string> {
  const error = typed(thrown);
  return error instanceof DependencyUnavailableError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
}
