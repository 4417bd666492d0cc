import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  AlarmWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  MathExpression,
  Metric,
  TreatMissingData,
  Unit,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { MetricName, metricDimensions, metricsNamespace } from '#shared/kernel/observability/metric-names';
import type { PlatformApi } from './platform-api.ts';
import type { StageSettings } from './stage.ts';

export interface OperationsDashboardProps {
  settings: StageSettings;
  api: PlatformApi;
  alarmTopic: ITopic;
  /** the stage's other alarms (function errors, dead letters), shown by state beside the metrics */
  alarms: readonly IAlarm[];
}

/** Below this many requests in 5 minutes one error is already several percent: a blip, not an outage, and no page. */
const serverErrorRateMinimumRequests = 50;
/** percent of the requests of 5 minutes */
const serverErrorRateThreshold = 1;

const graphPeriod = Duration.minutes(1);
const ratePeriod = Duration.minutes(5);

/**
 * What an operator looks at when a crowd arrives or the table stalls: the API's traffic, errors and latency, the
 * platform's own counts (orders placed, sold out, throttled, dependency unavailable, faults) and the state of every
 * alarm, on one dashboard; and an alarm on the share of 5xx answers, which catches the 500s and 503s a function
 * answers without failing (Lambda's Errors metric never sees those).
 */
export class OperationsDashboard extends Construct {
  readonly serverErrorRate: Alarm;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, { settings, api, alarmTopic, alarms }: OperationsDashboardProps) {
    super(scope, id);
    const dimensions = metricDimensions(settings.stage);
    // API Gateway answers the throttle's 429s itself, before any function runs: only its access log sees them.
    new MetricFilter(this, 'ThrottledFilter', {
      logGroup: api.accessLogs,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: metricsNamespace,
      metricName: MetricName.throttled,
      metricValue: '1',
      unit: Unit.COUNT,
      dimensions: Object.fromEntries(Object.keys(dimensions).map((name) => [name, `$.${name}`])),
    });
    const count = (metricName: MetricName, label: string) =>
      new Metric({ namespace: metricsNamespace, metricName, dimensionsMap: dimensions, statistic: 'Sum', period: graphPeriod, label });

    const rate = new MathExpression({
      expression: `IF(requests >= ${serverErrorRateMinimumRequests}, 100 * errors / requests, 0)`,
      usingMetrics: {
        errors: api.api.metricServerError({ statistic: 'Sum', period: ratePeriod }),
        requests: api.api.metricCount({ period: ratePeriod }),
      },
      period: ratePeriod,
      label: '5xx, % of requests',
    });
    this.serverErrorRate = new Alarm(this, 'ServerErrorRateAlarm', {
      alarmDescription: `More than ${serverErrorRateThreshold} % of the API's answers in 5 minutes were 5xx (at least ${serverErrorRateMinimumRequests} requests): faults or a dependency unavailable`,
      metric: rate,
      threshold: serverErrorRateThreshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.serverErrorRate.addAlarmAction(new SnsAction(alarmTopic));

    const graph = (title: string, left: Metric[]) => new GraphWidget({ title, left, width: 8 });
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `pas-kreatif-${settings.stage}`,
      defaultInterval: Duration.hours(3),
      widgets: [
        [
          graph('API requests', [api.api.metricCount({ period: graphPeriod, label: 'requests' })]),
          graph('API errors', [
            api.api.metricClientError({ statistic: 'Sum', period: graphPeriod, label: '4xx' }),
            api.api.metricServerError({ statistic: 'Sum', period: graphPeriod, label: '5xx' }),
          ]),
          graph('API latency (ms)', [
            api.api.metricLatency({ statistic: 'p50', period: graphPeriod, label: 'p50' }),
            api.api.metricLatency({ statistic: 'p99', period: graphPeriod, label: 'p99' }),
            api.api.metricIntegrationLatency({ statistic: 'p99', period: graphPeriod, label: 'integration p99' }),
          ]),
        ],
        [
          graph('Orders', [count(MetricName.orderPlaced, 'placed'), count(MetricName.soldOut, 'sold out (409)')]),
          graph('Refused and failed', [
            count(MetricName.throttled, 'throttled (429)'),
            count(MetricName.dependencyUnavailable, 'dependency unavailable (503)'),
            count(MetricName.fault, 'fault (500)'),
          ]),
          new AlarmWidget({ title: 'API 5xx rate (%)', alarm: this.serverErrorRate, width: 8 }),
        ],
        [new AlarmStatusWidget({ title: 'Alarms', alarms: [this.serverErrorRate, ...alarms], width: 24, height: 6 })],
      ],
    });
  }
}
