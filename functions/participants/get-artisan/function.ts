import { defineFunction } from '#shared/kernel/declaration';
import { artisanAttributes } from '#shared/participants/artisan-attributes';
import { ArtisanSchema, ParticipantParamsSchema } from '#shared/participants/schemas';

export default defineFunction({
  name: 'get-artisan',
  context: 'participants',
  description: "A participant's public artisan page, only with their consent",
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/artisans/{participantId}',
      auth: 'public',
      summary: 'Read an artisan profile (404 without consent)',
      params: ParticipantParamsSchema,
      response: { status: 200, schema: ArtisanSchema },
      // A withdrawn consent stops showing within 30 s.
      cache: { maxAgeSeconds: 30 },
    },
  },
  grants: { tableAttributes: artisanAttributes },
});
