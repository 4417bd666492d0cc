import { defineFunction } from '#shared/kernel/declaration';
import { pageSchema } from '#shared/kernel/store/page-schemas';
import { ListProgramsQuerySchema, ProgramSchema } from '#shared/training/schemas';

export default defineFunction({
  name: 'list-programs',
  context: 'training',
  description: 'Lists training programs, optionally of one group, newest first',
  trigger: {
    kind: 'http',
    route: {
      method: 'GET',
      path: '/programs',
      auth: 'public',
      summary: 'List training programs',
      query: ListProgramsQuerySchema,
      response: { status: 200, schema: pageSchema(ProgramSchema) },
      // Programs change a few times a term.
      cache: { maxAgeSeconds: 60 },
    },
  },
  grants: { table: ['read'], cursorKey: true },
});
