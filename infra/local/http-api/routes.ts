import type { HttpFunctionDeclaration } from '#shared/kernel/declaration';

/** One declared route, compiled: `POST /groups/{groupId}` → a matcher of path segments. */
export interface CompiledRoute {
  declaration: HttpFunctionDeclaration;
  routeKey: string;
  method: string;
  segments: ({ literal: string } | { param: string; greedy: boolean })[];
}

export interface RouteMatch {
  route: CompiledRoute;
  pathParameters: Record<string, string>;
}

export function compileRoutes(declarations: readonly HttpFunctionDeclaration[]): CompiledRoute[] {
  const routes = declarations.map((declaration) => {
    const { method, path } = declaration.trigger.route;
    const segments = path
      .split('/')
      .slice(1)
      .map((segment) => {
        const param = /^\{([^}+]+)(\+)?\}$/.exec(segment);
        return param ? { param: param[1] as string, greedy: param[2] === '+' } : { literal: segment };
      });
    return { declaration, routeKey: `${method} ${path}`, method, segments };
  });
  const keys = new Set<string>();
  for (const route of routes) {
    if (keys.has(route.routeKey)) throw new Error(`Two functions declare the route ${route.routeKey}`);
    keys.add(route.routeKey);
  }
  // API Gateway prefers the most specific route: literal segments over {param} over {proxy+}.
  const rank = (segment: CompiledRoute['segments'][number]) => ('literal' in segment ? 0 : segment.greedy ? 2 : 1);
  return routes.sort((a, b) => {
    for (let index = 0; index < Math.max(a.segments.length, b.segments.length); index++) {
      const left = a.segments[index];
      const right = b.segments[index];
      if (!left || !right) return left ? -1 : 1;
      const difference = rank(left) - rank(right);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

/** The route for a method and raw path; `pathMatched` tells a wrong method from an unknown path. */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  rawPath: string,
): { match?: RouteMatch; pathMatched: boolean } {
  const parts = rawPath.split('/').slice(1);
  let pathMatched = false;
  for (const route of routes) {
    const pathParameters = matchSegments(route.segments, parts);
    if (!pathParameters) continue;
    pathMatched = true;
    if (route.method === method) return { match: { route, pathParameters }, pathMatched };
  }
  return { pathMatched };
}

function matchSegments(segments: CompiledRoute['segments'], parts: string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const part = parts[index];
    if (part === undefined) return undefined;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else if (segment.greedy) {
      const rest = parts.slice(index).join('/');
      if (rest === '') return undefined;
      parameters[segment.param] = decode(rest);
      return parameters;
    } else {
      if (part === '') return undefined;
      parameters[segment.param] = decode(part);
    }
  }
  return parts.length === segments.length ? parameters : undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
