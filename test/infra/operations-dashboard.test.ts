import { describe, expect, it } from 'vitest';
import { MetricName, metricsNamespace } from '#shared/kernel/observability/metric-names';
import { referencedId, type Resource, resourcesOfType } from './template-lookup.ts';
import { synthStack } from './synth-stack.ts';

const { combined, root } = synthStack({ stage: 'dev' }).templates;

const only = (type: string): [string, Resource] => {
  const found = resourcesOfType(root, type);
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
};
const [apiId] = only('AWS::ApiGatewayV2::Api');
const [topicId] = only('AWS::SNS::Topic');
const [, stage] = only('AWS::ApiGatewayV2::Stage');
const accessLogSettings = stage.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };

interface Widget {
  type: 'metric' | 'alarm';
  properties: { title: string; metrics?: unknown[][]; alarms?: string[]; annotations?: { alarms: string[] } };
}

/** The dashboard's body as CloudWatch reads it, each reference in it written as `<logical id>`. */
function dashboardWidgets(): Widget[] {
  const [, dashboard] = only('AWS::CloudWatch::Dashboard');
  const [, parts] = (dashboard.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  const body = parts.map((part) => (typeof part === 'string' ? part : `<${referencedId(part)}>`)).join('');
  return (JSON.parse(body) as { widgets: Widget[] }).widgets;
}

const widgets = dashboardWidgets();
const graphed = (title: string) => widgets.find((widget) => widget.properties.title === title)?.properties.metrics ?? [];
const ours = (name: MetricName) => [metricsNamespace, name, 'service', 'pas-kreatif', 'stage', 'dev'];
const api = (name: string) => ['AWS/ApiGateway', name, 'ApiId', `<${apiId}>`];

describe('the operations dashboard', () => {
  it("graphs the API's requests, 4xx and 5xx, latency and integration latency", () => {
    expect(graphed('API requests').map((metric) => metric.slice(0, 4))).toEqual([api('Count')]);
    expect(graphed('API errors').map((metric) => metric.slice(0, 4))).toEqual([api('4xx'), api('5xx')]);
    expect(graphed('API latency (ms)').map((metric) => metric.slice(0, 4))).toEqual([
      api('Latency'),
      api('Latency'),
      api('IntegrationLatency'),
    ]);
  });

  it("graphs every count of the platform's namespace, with the stage's dimensions, summed", () => {
    const counts = [...graphed('Orders'), ...graphed('Refused and failed')];

    expect(counts.map((metric) => metric.slice(0, 6))).toEqual(
      [MetricName.orderPlaced, MetricName.soldOut, MetricName.throttled, MetricName.dependencyUnavailable, MetricName.fault].map(ours),
    );
    for (const metric of counts) expect(metric[6]).toMatchObject({ stat: 'Sum' });
  });

  it('shows the state of every alarm of the stage, in the root and in every nested stack', () => {
    const alarmIds = resourcesOfType(combined, 'AWS::CloudWatch::Alarm').map(([id]) => `<${id}>`);
    const shown = widgets.filter((widget) => widget.type === 'alarm').flatMap((widget) => widget.properties.alarms ?? []);

    // Every function's errors alarm at least, and more than one context's.
    expect(alarmIds.length).toBeGreaterThan(40);
    expect(shown.sort()).toEqual(alarmIds.sort());
  });
});

describe('the API 5xx-rate alarm', () => {
  const [alarmId, alarm] = resourcesOfType(root, 'AWS::CloudWatch::Alarm').find(([, resource]) =>
    JSON.stringify(resource.Properties.Metrics ?? []).includes('"5xx"'),
  ) as [string, Resource];

  it('alarms above 1 % of 5xx among the requests of 5 minutes, from 50 requests on, and notifies the alarm topic', () => {
    expect(alarm.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topicId }],
      Metrics: [
        { Expression: 'IF(requests >= 50, 100 * errors / requests, 0)', ReturnData: true },
        {
          Id: 'errors',
          ReturnData: false,
          MetricStat: {
            Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }] },
            Period: 300,
            Stat: 'Sum',
          },
        },
        {
          Id: 'requests',
          ReturnData: false,
          MetricStat: {
            Metric: { Namespace: 'AWS/ApiGateway', MetricName: 'Count', Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }] },
            Period: 300,
            Stat: 'SampleCount',
          },
        },
      ],
    });
  });

  it('is graphed on the dashboard', () => {
    expect(widgets.flatMap((widget) => widget.properties.annotations?.alarms ?? [])).toEqual([`<${alarmId}>`]);
  });
});

describe('throttled requests', () => {
  it("are counted from the API's access log: each 429 line is one Throttled, with the dimensions the functions' counts carry", () => {
    const [, filter] = only('AWS::Logs::MetricFilter');

    expect(referencedId(filter.Properties.LogGroupName)).toBe(referencedId(accessLogSettings.DestinationArn));
    expect(filter.Properties).toMatchObject({
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [
        {
          MetricNamespace: metricsNamespace,
          MetricName: MetricName.throttled,
          MetricValue: '1',
          Unit: 'Count',
          Dimensions: [
            { Key: 'service', Value: '$.service' },
            { Key: 'stage', Value: '$.stage' },
          ],
        },
      ],
    });
  });

  it('find those dimensions, and the status as the filter compares it, in every access log line', () => {
    expect(JSON.parse(accessLogSettings.Format)).toMatchObject({ service: 'pas-kreatif', stage: 'dev', status: '$context.status' });
  });
});
