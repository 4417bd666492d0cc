import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { corsRules } from '#infra/cors';
import { stageThrottle } from '#infra/stage-throttle';
import type { HttpRoute as DeclaredRoute } from '#shared/kernel/declaration';
import { metricDimensions } from '#shared/kernel/observability/metric-names';
import type { StageSettings } from './stage.ts';
import type { UserDirectory } from './user-directory.ts';

export interface PlatformApiProps {
  settings: StageSettings;
  users: UserDirectory;
}

/** What a token must name: the authorizer checks it at the edge, optional-auth functions check the same themselves. */
export interface TokenAcceptance {
  issuer: string;
  audience: string;
}

/** HTTP API (payload format 2.0): Cognito tokens checked at the edge, every request in the access log. */
export class PlatformApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** one JSON line per request (buildAccessLogFormat), where the stage throttle's 429s are counted */
  readonly accessLogs: LogGroup;
  readonly tokens: TokenAcceptance;
  private readonly jwtAuthorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, { settings, users }: PlatformApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `pas-kreatif-${settings.stage}`,
      description: `PAS Kreatif API (${settings.stage})`,
      // The default stage is created below, because only an explicit stage takes access-log settings.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...corsRules.allowOrigins],
        allowMethods: corsRules.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...corsRules.allowHeaders],
        maxAge: Duration.seconds(corsRules.maxAgeSeconds),
      },
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: settings.logRetention,
      removalPolicy: settings.removalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Per route (the stage's default route settings); the local HTTP server applies the same numbers.
      throttle: stageThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: buildAccessLogFormat(settings.stage) },
    });
    this.tokens = { issuer: users.issuerUrl, audience: users.client.userPoolClientId };
    this.jwtAuthorizer = new HttpJwtAuthorizer('CognitoJwt', this.tokens.issuer, {
      jwtAudience: [this.tokens.audience],
      identitySource: ['$request.header.Authorization'],
    });
  }

  /**
   * The route exactly as declared: same method, same path, an authorizer only when it is a jwt route.
   * An optional-auth route gets none, because an HTTP API authorizer cannot let a request without a token through.
   * The route, its integration and the function's invoke permission live in `scope` (the context's nested stack), so
   * the API's own stack grows by nothing per route; the authorizer stays with the API, shared by every route.
   */
  addRoute(scope: Construct, id: string, route: DeclaredRoute, handler: IFunction): void {
    const httpRoute = new HttpRoute(scope, `${id}Route`, {
      httpApi: this.api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${id}Integration`, handler, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
      authorizer: route.auth === 'jwt' ? this.jwtAuthorizer : new HttpNoneAuthorizer(),
    });
    if (route.auth === 'jwt') return;
    const reason =
      route.auth === 'optional'
        ? `${route.method} ${route.path} serves anonymous callers and shows more to signed-in ones (${route.summary}); an authorizer cannot be optional, so the function verifies a bearer token itself against the same issuer, audience and JWKS as the JWT authorizer, and refuses a bad one with 401.`
        : `${route.method} ${route.path} is public in the API contract (${route.summary}): it serves anonymous callers, so any check it needs (consent, a webhook signature) is the handler's.`;
    Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason });
  }
}

/**
 * JSON lines with the HTTP API's own context variables, so a 401 or an integration failure can be traced. The metric
 * dimensions are written as constants: a metric filter takes dimension values only from fields of the line, and
 * Throttled must carry the same service and stage as the counts the functions write.
 */
function buildAccessLogFormat(stage: string): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      ...metricDimensions(stage),
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      routeKey: '$context.routeKey',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
      latencyMs: '$context.responseLatency',
      integrationLatencyMs: '$context.integrationLatency',
      integrationError: '$context.integrationErrorMessage',
      authorizerError: '$context.authorizer.error',
    }),
  );
}
