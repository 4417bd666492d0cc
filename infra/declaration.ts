import type { $ZodType } from 'zod/v4/core';

/**
 * The one place a function says what triggers it and what it may touch.
 * The CDK app (infra/stack.ts, infra/constructs) and the local runtime (infra/local) both read these,
 * so routing, event wiring and grants are never written twice.
 */
export type ContextName =
  | 'participants'
  | 'training'
  | 'catalog'
  | 'orders'
  | 'earnings'
  | 'reports'
  | 'webhooks'
  | 'platform';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRoute {
  method: HttpMethod;
  /** API Gateway path syntax: /groups/{groupId} */
  path: string;
  /** public routes get no authorizer; jwt routes require a valid token (401 otherwise) */
  auth: 'public' | 'jwt';
  summary: string;
  /** roles named in the docs; the use-case enforces them, the OpenAPI document shows them */
  roles?: readonly string[];
  /** path parameters; a value that fails is answered 404, as an unknown id would be */
  params?: $ZodType;
  body?: $ZodType;
  query?: $ZodType;
  response: { status: number; schema?: $ZodType; contentType?: string };
}

export type Trigger =
  | { kind: 'http'; route: HttpRoute }
  /** an EventBridge rule on the platform bus */
  | { kind: 'event'; pattern: Record<string, unknown> }
  /** the table's stream, with an event-source filter pattern in EventBridge syntax */
  | { kind: 'tableStream'; filter: Record<string, unknown>; batchSize: number };

export type TableAccess = 'read' | 'write';

export interface Grants {
  table?: readonly TableAccess[];
  /** events:PutEvents on the platform bus */
  bus?: 'put';
  bucket?: readonly ('read' | 'write')[];
  /** signs/reads opaque list cursors */
  cursorKey?: true;
}

export interface FunctionDeclaration<T extends Trigger = Trigger> {
  /** kebab-case, unique: functions/<context>/<name>/handler.ts holds the handler */
  name: string;
  context: ContextName;
  description: string;
  trigger: T;
  grants: Grants;
  timeoutSeconds?: number;
  memoryMb?: number;
}

export type HttpFunctionDeclaration = FunctionDeclaration<Extract<Trigger, { kind: 'http' }>>;

/** When a declaration names no limits. API Gateway gives up after 30 s, so an HTTP handler gets a third of that. */
export const defaultLimits: Record<Trigger['kind'], { timeoutSeconds: number; memoryMb: number }> = {
  http: { timeoutSeconds: 10, memoryMb: 512 },
  event: { timeoutSeconds: 30, memoryMb: 512 },
  tableStream: { timeoutSeconds: 60, memoryMb: 512 },
};

/** The limits a function runs with, deployed and locally. */
export function limitsOf(declaration: FunctionDeclaration): { timeoutSeconds: number; memoryMb: number } {
  const defaults = defaultLimits[declaration.trigger.kind];
  return { timeoutSeconds: declaration.timeoutSeconds ?? defaults.timeoutSeconds, memoryMb: declaration.memoryMb ?? defaults.memoryMb };
}

export function defineFunction<T extends Trigger>(declaration: FunctionDeclaration<T>): FunctionDeclaration<T> {
  return declaration;
}

/** Relative to the repository root, the handler file a declaration names. */
export function handlerEntry(declaration: Pick<FunctionDeclaration, 'context' | 'name'>): string {
  return `functions/${declaration.context}/${declaration.name}/handler.ts`;
}
