import { compileRoutes, matchRoute } from '#infra/local/http-api/routes';
import type { HttpFunctionDeclaration } from '#shared/kernel/declaration';
import { buildOpenApiDocument } from '#shared/platform/openapi';
import type { LoggedAnswer } from './answers-log.ts';

/**
 * The answers no operation of the OpenAPI document lists: each as `METHOD /template → status`, once. Each answer is
 * matched to its route by the local runtime's own router, as the request was; a path outside the declarations
 * (`/_local/*`, an unknown route) or a method a path lacks is the edge's answer, not an operation's.
 */
export function undocumentedAnswers(declarations: readonly HttpFunctionDeclaration[], answers: readonly LoggedAnswer[]): string[] {
  const routes = compileRoutes(declarations);
  const { paths } = buildOpenApiDocument(declarations, []);
  const found = new Set<string>();
  for (const { method, path, status } of answers) {
    const route = matchRoute(routes, method, path).match?.route.declaration.trigger.route;
    if (!route) continue;
    const { responses } = paths[route.path]?.[method.toLowerCase()] as { responses: Record<string, unknown> };
    if (!(String(status) in responses)) found.add(`${method} ${route.path} → ${status}`);
  }
  return [...found].sort();
}
