/**
 * The platform's one zod: the events' own (zod/mini with English messages), so a schema in a context and a schema
 * in an event contract are the same kind of thing and compose. Import it as a namespace:
 * `import * as z from '#shared/kernel/validation'`.
 */
export * from '#events/validation';
