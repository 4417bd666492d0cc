import { describe, it, expect } from 'vitest';
import { matchesPattern } from '#infra/local/eventbridge/event-pattern';

interface Case {
  name: string;
  event: unknown;
  matches: boolean;
}

/** One pattern against several events: each row is its own test. */
function cases(pattern: Record<string, unknown>, rows: Case[]) {
  it.each(rows)('$name', ({ event, matches }) => {
    // Prepare
    const expected = matches;

    // Act
    const actual = matchesPattern(pattern, event);

    // Assert
    expect(actual).toBe(expected);
  });
}

describe('matchesPattern', () => {
  describe('exact values', () => {
    describe('strings', () => {
      cases({ state: ['running'] }, [
        { name: 'matches the same string', event: { state: 'running' }, matches: true },
        { name: 'is case-sensitive', event: { state: 'Running' }, matches: false },
        { name: 'does not match a missing field', event: {}, matches: false },
      ]);
    });

    describe('empty string', () => {
      cases({ lastName: [''] }, [
        { name: 'matches an empty string', event: { lastName: '' }, matches: true },
        { name: 'does not match null', event: { lastName: null }, matches: false },
      ]);
    });

    describe('numbers', () => {
      cases({ count: [5] }, [
        { name: 'matches the same number', event: { count: 5 }, matches: true },
        { name: 'compares by value (5 equals 5.0)', event: JSON.parse('{"count": 5.0}'), matches: true },
        { name: 'does not match a different number', event: { count: 6 }, matches: false },
        { name: 'does not match the number as a string', event: { count: '5' }, matches: false },
      ]);
    });

    describe('numeric strings', () => {
      cases({ count: ['5'] }, [
        { name: 'matches the same string', event: { count: '5' }, matches: true },
        { name: 'does not match the number', event: { count: 5 }, matches: false },
      ]);
    });

    describe('booleans', () => {
      cases({ active: [true] }, [
        { name: 'matches true', event: { active: true }, matches: true },
        { name: 'does not match false', event: { active: false }, matches: false },
        { name: 'does not match the string "true"', event: { active: 'true' }, matches: false },
      ]);
    });

    describe('null', () => {
      cases({ responseElements: [null] }, [
        { name: 'matches a null value', event: { responseElements: null }, matches: true },
        { name: 'does not match an empty string', event: { responseElements: '' }, matches: false },
        { name: 'does not match a missing field', event: {}, matches: false },
        { name: 'does not match an empty array', event: { responseElements: [] }, matches: false },
      ]);
    });

    describe('several allowed values (OR)', () => {
      cases({ source: ['aws.ec2', 'aws.fargate'] }, [
        { name: 'matches the first value', event: { source: 'aws.ec2' }, matches: true },
        { name: 'matches the second value', event: { source: 'aws.fargate' }, matches: true },
        { name: 'does not match another value', event: { source: 'aws.s3' }, matches: false },
      ]);
    });

    describe('several fields (AND)', () => {
      cases({ source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] }, [
        {
          name: 'matches when every field matches',
          event: { source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification' },
          matches: true,
        },
        { name: 'does not match when one field differs', event: { source: 'aws.ec2', 'detail-type': 'Other' }, matches: false },
        { name: 'does not match when one field is missing', event: { source: 'aws.ec2' }, matches: false },
      ]);
    });
  });

  describe('arrays in the event', () => {
    describe('arrays of values (intersection)', () => {
      cases({ resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:other'] }, [
        {
          name: 'matches when any element is allowed',
          event: { resources: ['arn:aws:autoscaling:group', 'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] },
          matches: true,
        },
        { name: 'does not match when no element is allowed', event: { resources: ['arn:aws:s3:::bucket'] }, matches: false },
        { name: 'does not match an empty array', event: { resources: [] }, matches: false },
        { name: 'flattens nested arrays', event: { resources: [['arn:x'], ['arn:other']] }, matches: true },
      ]);
    });

    describe('arrays of objects', () => {
      const employees = [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ];

      describe('one field', () => {
        cases({ employees: { firstName: ['Anna'] } }, [
          { name: 'matches when any element matches', event: { employees }, matches: true },
          { name: 'does not match when no element matches', event: { employees: employees.slice(2) }, matches: false },
        ]);
      });

      describe('several fields', () => {
        cases({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, [
          { name: 'matches when one element satisfies every field', event: { employees }, matches: true },
        ]);
        cases({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, [
          { name: 'does not combine fields from different elements', event: { employees }, matches: false },
        ]);
      });
    });
  });

  describe('nested objects', () => {
    cases({ detail: { trigger: { risk: [8] } } }, [
      { name: 'matches a nested field', event: { detail: { trigger: { risk: 8, other: 1 } } }, matches: true },
      { name: 'does not match a different nested value', event: { detail: { trigger: { risk: 7 } } }, matches: false },
      { name: 'does not match when the parent is missing', event: { detail: {} }, matches: false },
      { name: 'does not match when the parent is not an object', event: { detail: { trigger: 'high' } }, matches: false },
      { name: 'does not match when the field sits at another level', event: { detail: { risk: 8 } }, matches: false },
    ]);
  });

  describe('prefix', () => {
    cases({ time: [{ prefix: '2017-10-02' }] }, [
      { name: 'matches a string starting with the prefix', event: { time: '2017-10-02T18:43:48Z' }, matches: true },
      { name: 'does not match another string', event: { time: '2017-10-03T18:43:48Z' }, matches: false },
      { name: 'matches a string equal to the prefix', event: { time: '2017-10-02' }, matches: true },
      { name: 'does not match a non-string', event: { time: 20171002 }, matches: false },
    ]);
  });

  describe('prefix with equals-ignore-case', () => {
    cases({ service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] }, [
      { name: 'matches regardless of case', event: { service: 'eventbridge' }, matches: true },
      { name: 'matches upper case', event: { service: 'EVENTBRIDGE' }, matches: true },
      { name: 'does not match another prefix', event: { service: 'lambda' }, matches: false },
    ]);
  });

  describe('suffix', () => {
    cases({ FileName: [{ suffix: '.png' }] }, [
      { name: 'matches a string ending with the suffix', event: { FileName: 'image.png' }, matches: true },
      { name: 'is case-sensitive', event: { FileName: 'image.PNG' }, matches: false },
      { name: 'does not match another suffix', event: { FileName: 'image.jpg' }, matches: false },
    ]);
  });

  describe('suffix with equals-ignore-case', () => {
    cases({ FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] }, [
      { name: 'matches regardless of case', event: { FileName: 'image.PNG' }, matches: true },
      { name: 'does not match another suffix', event: { FileName: 'image.jpg' }, matches: false },
    ]);
  });

  describe('equals-ignore-case', () => {
    cases({ name: [{ 'equals-ignore-case': 'alice' }] }, [
      { name: 'matches regardless of case', event: { name: 'ALICE' }, matches: true },
      { name: 'does not match a longer string', event: { name: 'Alice Smith' }, matches: false },
      { name: 'does not match a non-string', event: { name: null }, matches: false },
    ]);
  });

  describe('wildcard', () => {
    describe('one star', () => {
      cases({ EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/myEventBus' }] }, [
        {
          name: 'matches any run of characters',
          event: { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus' },
          matches: true,
        },
        {
          name: 'does not match different fixed text',
          event: { EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/myEventBus' },
          matches: false,
        },
      ]);
    });

    describe('several stars', () => {
      cases({ FilePath: [{ wildcard: 'dir/*/file*.png' }] }, [
        { name: 'matches with characters for each star', event: { FilePath: 'dir/a/b/file-1.png' }, matches: true },
        { name: 'lets a star match nothing', event: { FilePath: 'dir//file.png' }, matches: true },
        { name: 'anchors both ends', event: { FilePath: 'dir/a/file.png.bak' }, matches: false },
      ]);
    });

    describe('escaped star', () => {
      cases({ note: [{ wildcard: 'a\\*b*' }] }, [
        { name: 'matches a literal star', event: { note: 'a*bcd' }, matches: true },
        { name: 'does not treat the escaped star as a wildcard', event: { note: 'axxbcd' }, matches: false },
      ]);
    });

    describe('escaped backslash', () => {
      cases({ path: [{ wildcard: 'C:\\\\*' }] }, [
        { name: 'matches a literal backslash', event: { path: 'C:\\temp' }, matches: true },
        { name: 'does not match without the backslash', event: { path: 'C:/temp' }, matches: false },
      ]);
    });

    describe('regular-expression characters', () => {
      cases({ file: [{ wildcard: 'report.(v1)*' }] }, [
        { name: 'treats them literally', event: { file: 'report.(v1).pdf' }, matches: true },
        { name: 'does not treat a dot as any character', event: { file: 'reportX(v1).pdf' }, matches: false },
      ]);
    });
  });

  describe('anything-but', () => {
    describe('single string', () => {
      cases({ state: [{ 'anything-but': 'initializing' }] }, [
        { name: 'matches another string', event: { state: 'running' }, matches: true },
        { name: 'does not match the excluded string', event: { state: 'initializing' }, matches: false },
        { name: 'does not match a missing field', event: {}, matches: false },
        { name: 'matches null', event: { state: null }, matches: true },
        { name: 'matches when any array element is not excluded', event: { state: ['initializing', 'running'] }, matches: true },
        { name: 'does not match an array of only excluded values', event: { state: ['initializing'] }, matches: false },
      ]);
    });

    describe('single number', () => {
      cases({ 'x-limit': [{ 'anything-but': 123 }] }, [
        { name: 'matches another number', event: { 'x-limit': 124 }, matches: true },
        { name: 'does not match the excluded number', event: { 'x-limit': 123 }, matches: false },
      ]);
    });

    describe('list of strings', () => {
      cases({ state: [{ 'anything-but': ['stopped', 'overloaded'] }] }, [
        { name: 'matches a value outside the list', event: { state: 'running' }, matches: true },
        { name: 'does not match a listed value', event: { state: 'overloaded' }, matches: false },
      ]);
    });

    describe('list of numbers', () => {
      cases({ 'x-limit': [{ 'anything-but': [100, 200, 300] }] }, [
        { name: 'matches a number outside the list', event: { 'x-limit': 150 }, matches: true },
        { name: 'does not match a listed number', event: { 'x-limit': 200 }, matches: false },
      ]);
    });

    describe('prefix', () => {
      cases({ region: [{ 'anything-but': { prefix: 'us-' } }] }, [
        { name: 'matches a value without the prefix', event: { region: 'eu-west-1' }, matches: true },
        { name: 'does not match a value with the prefix', event: { region: 'us-east-1' }, matches: false },
        { name: 'matches a non-string value', event: { region: 12 }, matches: true },
      ]);
    });

    describe('prefix list', () => {
      cases({ state: [{ 'anything-but': { prefix: ['init', 'test'] } }] }, [
        { name: 'matches a value with neither prefix', event: { state: 'post-init' }, matches: true },
        { name: 'does not match a value with one of the prefixes', event: { state: 'test-run' }, matches: false },
      ]);
    });

    describe('suffix', () => {
      cases({ FileName: [{ 'anything-but': { suffix: '.png' } }] }, [
        { name: 'matches a value without the suffix', event: { FileName: 'image.jpg' }, matches: true },
        { name: 'does not match a value with the suffix', event: { FileName: 'image.png' }, matches: false },
      ]);
    });

    describe('equals-ignore-case string', () => {
      cases({ state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, [
        { name: 'matches another value', event: { state: 'running' }, matches: true },
        { name: 'does not match any casing of the value', event: { state: 'INITIALIZING' }, matches: false },
      ]);
    });

    describe('equals-ignore-case list', () => {
      cases({ state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] }, [
        { name: 'matches a value outside the list', event: { state: 'running' }, matches: true },
        { name: 'does not match any casing of a listed value', event: { state: 'Stopped' }, matches: false },
      ]);
    });

    describe('wildcard', () => {
      cases({ FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, [
        { name: 'matches a value outside the wildcard', event: { FilePath: 'src/bin/app' }, matches: true },
        { name: 'does not match a value inside the wildcard', event: { FilePath: 'src/lib/app' }, matches: false },
      ]);
    });

    describe('wildcard list', () => {
      cases({ FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] }, [
        { name: 'matches a value outside every wildcard', event: { FilePath: 'src/app/main' }, matches: true },
        { name: 'does not match a value inside one wildcard', event: { FilePath: 'src/bin/app' }, matches: false },
      ]);
    });
  });

  describe('numeric', () => {
    describe('=', () => {
      cases({ 'x-limit': [{ numeric: ['=', 3.018e2] }] }, [
        { name: 'matches an equal number', event: { 'x-limit': 301.8 }, matches: true },
        { name: 'does not match a different number', event: { 'x-limit': 301.9 }, matches: false },
        { name: 'does not match a numeric string', event: { 'x-limit': '301.8' }, matches: false },
      ]);
    });

    describe('<', () => {
      cases({ count: [{ numeric: ['<', 10] }] }, [
        { name: 'matches a smaller number', event: { count: 9.5 }, matches: true },
        { name: 'does not match the bound', event: { count: 10 }, matches: false },
      ]);
    });

    describe('<=', () => {
      cases({ count: [{ numeric: ['<=', 10] }] }, [
        { name: 'matches the bound', event: { count: 10 }, matches: true },
        { name: 'does not match a larger number', event: { count: 11 }, matches: false },
      ]);
    });

    describe('>', () => {
      cases({ count: [{ numeric: ['>', 100] }] }, [
        { name: 'matches a larger number', event: JSON.parse('{"count": 101.0}'), matches: true },
        { name: 'does not match the bound', event: { count: 100 }, matches: false },
      ]);
    });

    describe('>=', () => {
      cases({ count: [{ numeric: ['>=', 100] }] }, [
        { name: 'matches the bound', event: { count: 100 }, matches: true },
        { name: 'does not match a smaller number', event: { count: 99 }, matches: false },
      ]);
    });

    describe('range', () => {
      cases({ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, [
        { name: 'matches inside the range', event: { 'c-count': 5 }, matches: true },
        { name: 'does not match the open lower bound', event: { 'c-count': 0 }, matches: false },
        { name: 'does not match above the range', event: { 'c-count': 5.01 }, matches: false },
        { name: 'does not match null', event: { 'c-count': null }, matches: false },
        { name: 'matches when any array element is inside', event: { 'c-count': [9, 3] }, matches: true },
      ]);
    });
  });

  describe('exists', () => {
    describe('true', () => {
      cases({ detail: { state: [{ exists: true }] } }, [
        { name: 'matches a present field', event: { detail: { state: 'pending' } }, matches: true },
        { name: 'matches a null field', event: { detail: { state: null } }, matches: true },
        { name: 'does not match a missing field', event: { detail: { other: 1 } }, matches: false },
        { name: 'does not match a missing parent', event: {}, matches: false },
        { name: 'does not match an empty array', event: { detail: { state: [] } }, matches: false },
        { name: 'does not match an object, which is not a leaf', event: { detail: { state: { c1: 100 } } }, matches: false },
      ]);
    });

    describe('false', () => {
      cases({ detail: { 'c-count': [{ exists: false }] } }, [
        { name: 'matches a missing field', event: { detail: { state: 'running' } }, matches: true },
        { name: 'matches an object, which is not a leaf', event: { detail: { 'c-count': { c1: 100 } } }, matches: true },
        { name: 'matches an empty array', event: { detail: { 'c-count': [] } }, matches: true },
        { name: 'does not match a present field', event: { detail: { 'c-count': 3 } }, matches: false },
        { name: 'does not match a null field', event: { detail: { 'c-count': null } }, matches: false },
      ]);
    });

    describe('false on missing nested parents', () => {
      cases({ detail: { level1: { level2: { level3: [{ exists: false }] } } } }, [
        { name: 'matches when the whole parent chain is missing', event: { detail: {} }, matches: true },
        { name: 'matches when a parent is a scalar', event: { detail: { level1: { level2: 'value' } } }, matches: true },
        { name: 'matches when the event has no parent at all', event: { source: 'x' }, matches: true },
        { name: 'does not match when the leaf exists', event: { detail: { level1: { level2: { level3: 'v' } } } }, matches: false },
      ]);
    });

    describe('alongside other values', () => {
      cases({ dynamodb: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } } }, [
        { name: 'matches through exists: false when the field is missing', event: { dynamodb: { NewImage: {} } }, matches: true },
        {
          name: 'matches through anything-but when present',
          event: { dynamodb: { NewImage: { homemade: { S: 'tulips' } } } },
          matches: true,
        },
        { name: 'does not match the excluded value', event: { dynamodb: { NewImage: { homemade: { S: 'roses' } } } }, matches: false },
      ]);
    });
  });

  describe('cidr', () => {
    describe('IPv4', () => {
      cases({ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }, [
        { name: 'matches an address inside the block', event: { sourceIPAddress: '10.0.0.255' }, matches: true },
        { name: 'does not match an address outside the block', event: { sourceIPAddress: '10.0.1.1' }, matches: false },
        { name: 'does not match a non-address string', event: { sourceIPAddress: 'localhost' }, matches: false },
        { name: 'does not match a number', event: { sourceIPAddress: 123 }, matches: false },
      ]);
    });

    describe('IPv6', () => {
      cases({ sourceIPAddress: [{ cidr: '2001:db8::/32' }] }, [
        { name: 'matches an address inside the block', event: { sourceIPAddress: '2001:db8:1::5' }, matches: true },
        { name: 'does not match an address outside the block', event: { sourceIPAddress: '2001:db9::1' }, matches: false },
        { name: 'does not match an IPv4 address', event: { sourceIPAddress: '10.0.0.1' }, matches: false },
      ]);
    });
  });

  describe('$or', () => {
    describe('at the top level', () => {
      cases({ $or: [{ source: ['aws.ec2'] }, { 'detail-type': ['Order Placed'] }] }, [
        { name: 'matches the first alternative', event: { source: 'aws.ec2', 'detail-type': 'x' }, matches: true },
        { name: 'matches the second alternative', event: { source: 'x', 'detail-type': 'Order Placed' }, matches: true },
        { name: 'does not match when no alternative matches', event: { source: 'x', 'detail-type': 'y' }, matches: false },
      ]);
    });

    describe('nested, with numeric alternatives', () => {
      cases(
        {
          detail: {
            $or: [
              { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
              { 'd-count': [{ numeric: ['<', 10] }] },
              { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
            ],
          },
        },
        [
          {
            name: 'matches when one alternative matches',
            event: { detail: { 'c-count': 0, 'd-count': 0, 'x-limit': 901.8 } },
            matches: true,
          },
          { name: 'does not match when none does', event: { detail: { 'c-count': 0, 'd-count': 10, 'x-limit': 901.8 } }, matches: false },
        ],
      );
    });

    describe('combined with other fields', () => {
      cases(
        {
          source: ['aws.cloudwatch'],
          $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'] }],
        },
        [
          {
            name: 'matches the shared field plus one alternative',
            event: { source: 'aws.cloudwatch', metricName: 'ReadLatency' },
            matches: true,
          },
          {
            name: 'matches an alternative with several fields',
            event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/ES' },
            matches: true,
          },
          {
            name: 'requires every field of the alternative',
            event: { source: 'aws.cloudwatch', metricType: 'MetricType' },
            matches: false,
          },
          { name: 'still requires the shared field', event: { source: 'aws.ec2', metricName: 'ReadLatency' }, matches: false },
        ],
      );
    });

    describe('nested inside an alternative', () => {
      cases(
        {
          $or: [{ scope: ['Service'] }, { namespace: ['AWS/EC2'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] }],
        },
        [
          { name: 'matches the inner alternative', event: { namespace: 'AWS/EC2', spaceId: 1000 }, matches: true },
          { name: 'does not match without an inner alternative', event: { namespace: 'AWS/EC2', spaceId: 1 }, matches: false },
        ],
      );
    });

    describe('across arrays of objects', () => {
      cases({ items: { sku: ['A'] }, $or: [{ items: { qty: [2] } }, { rush: [true] }] }, [
        { name: 'matches when one element satisfies the combined branch', event: { items: [{ sku: 'A', qty: 2 }] }, matches: true },
        { name: 'does not combine fields from different elements', event: { items: [{ sku: 'A' }, { qty: 2 }] }, matches: false },
        { name: 'matches through the other branch', event: { items: [{ sku: 'A' }], rush: true }, matches: true },
      ]);
    });
  });

  describe('realistic EventBridge event', () => {
    const event = {
      version: '0',
      id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      'detail-type': 'OrderPlaced',
      source: 'pas-kreatif.orders',
      account: '111122223333',
      time: '2024-05-02T18:43:48Z',
      region: 'ap-southeast-3',
      resources: [],
      detail: { orderId: '01HX', total: 150000, items: [{ productId: 'p1', qty: 2 }], buyer: { city: 'Bandung' } },
    };

    cases(
      {
        source: ['pas-kreatif.orders'],
        'detail-type': ['OrderPlaced', 'OrderPaid'],
        detail: {
          total: [{ numeric: ['>=', 100000] }],
          items: { qty: [{ numeric: ['>', 1] }] },
          buyer: { city: [{ 'equals-ignore-case': 'bandung' }] },
        },
      },
      [
        { name: 'routes a matching event', event, matches: true },
        { name: 'skips an event from another source', event: { ...event, source: 'pas-kreatif.catalog' }, matches: false },
        {
          name: 'skips an event whose detail does not match',
          event: { ...event, detail: { ...event.detail, total: 5000 } },
          matches: false,
        },
      ],
    );
  });

  describe('DynamoDB stream record filter', () => {
    const record = (eventName: string, entity: string) => ({
      eventID: '1',
      eventName,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: { pk: { S: 'OUTBOX#1' }, sk: { S: 'OUTBOX#1' } },
        NewImage: { pk: { S: 'OUTBOX#1' }, entity: { S: entity }, attempts: { N: '0' } },
        StreamViewType: 'NEW_IMAGE',
      },
    });

    cases({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } }, [
      { name: 'passes an inserted outbox item', event: record('INSERT', 'outbox'), matches: true },
      { name: 'drops a modified outbox item', event: record('MODIFY', 'outbox'), matches: false },
      { name: 'drops an inserted item of another entity', event: record('INSERT', 'order'), matches: false },
      { name: 'drops a removal, which has no NewImage', event: { eventName: 'REMOVE', dynamodb: { Keys: {} } }, matches: false },
    ]);
  });

  describe('non-object events', () => {
    it.each([null, 'text', 42, [{ source: 'aws.ec2' }], undefined])('returns false for %j', (event) => {
      // Prepare
      const pattern = { source: ['aws.ec2'] };

      // Act
      const actual = matchesPattern(pattern, event);

      // Assert
      expect(actual).toBe(false);
    });
  });

  describe('invalid patterns', () => {
    it.each<[string, unknown, RegExp]>([
      ['a non-object pattern', ['source'], /must be a JSON object/],
      ['a null pattern', null, /must be a JSON object/],
      ['an empty pattern', {}, /empty objects/],
      ['an empty nested object', { detail: {} }, /"detail".*empty objects/],
      ['a leaf that is not an array', { source: 'aws.ec2' }, /"source".*must be an array/],
      ['an empty value array', { resources: [] }, /empty arrays/],
      ['a nested array value', { source: [['aws.ec2']] }, /unsupported match value/],
      ['an unknown operator', { source: [{ contains: 'ec2' }] }, /unknown operator "contains"/],
      ['two keys in one match expression', { source: [{ prefix: 'a', suffix: 'b' }] }, /exactly one key/],
      ['a non-string prefix', { source: [{ prefix: 1 }] }, /prefix must be a string/],
      ['a prefix list', { source: [{ prefix: ['a', 'b'] }] }, /prefix must be a string/],
      ['an unsupported prefix modifier', { source: [{ prefix: { wildcard: 'a' } }] }, /prefix takes a string/],
      ['a non-string equals-ignore-case', { source: [{ 'equals-ignore-case': ['a'] }] }, /equals-ignore-case must be a string/],
      ['consecutive wildcards', { arn: [{ wildcard: 'arn:**:bus' }] }, /consecutive wildcard/],
      ['an invalid wildcard escape', { arn: [{ wildcard: 'a\\b' }] }, /may be escaped/],
      ['anything-but null', { state: [{ 'anything-but': null }] }, /anything-but takes/],
      ['anything-but with mixed types', { state: [{ 'anything-but': ['a', 1] }] }, /only strings or only numbers/],
      ['anything-but with an empty list', { state: [{ 'anything-but': [] }] }, /non-empty list/],
      ['anything-but with an unsupported operator', { state: [{ 'anything-but': { numeric: ['>', 1] } }] }, /does not support "numeric"/],
      ['anything-but with an empty prefix', { state: [{ 'anything-but': { prefix: '' } }] }, /must not be empty/],
      ['anything-but prefix with a number', { state: [{ 'anything-but': { prefix: [123, 'test'] } }] }, /list of strings/],
      ['anything-but prefix ignoring case', { state: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'a' } } }] }, /list of strings/],
      ['an incomplete numeric range', { count: [{ numeric: ['>', 0, '<'] }] }, /numeric takes/],
      ['a numeric range with two lower bounds', { count: [{ numeric: ['>', 0, '>', 0] }] }, /numeric takes/],
      ['an unknown numeric operator', { count: [{ numeric: ['!=', 0] }] }, /numeric takes/],
      ['an inherited property as numeric operator', { count: [{ numeric: ['toString', 0] }] }, /numeric takes/],
      ['a non-numeric numeric bound', { count: [{ numeric: ['>', '0'] }] }, /numeric takes/],
      ['a non-boolean exists', { state: [{ exists: 'yes' }] }, /exists must be true or false/],
      ['a cidr list', { ip: [{ cidr: ['10.0.0.0/24'] }] }, /cidr must be/],
      ['a cidr without a prefix length', { ip: [{ cidr: '10.0.0.0' }] }, /cidr must be/],
      ['a cidr with a bad address', { ip: [{ cidr: '10.0.0.256/24' }] }, /cidr must be/],
      ['a cidr with a too-long prefix', { ip: [{ cidr: '10.0.0.0/33' }] }, /cidr must be/],
      ['$or that is not an array', { $or: { source: ['a'] } }, /"\$or".*at least two/],
      ['$or with a single alternative', { $or: [{ source: ['a'] }] }, /at least two/],
      ['$or with a non-object alternative', { $or: [{ source: ['a'] }, ['b']] }, /"\$or\[1\]".*must be a pattern object/],
      [
        'an operator name used as a field inside $or',
        { $or: [{ numeric: [1] }, { prefix: ['a'] }] },
        /operator and cannot be a field name/,
      ],
    ])('throws for %s', (_name, pattern, message) => {
      // Prepare
      const event = { source: 'aws.ec2' };

      // Act
      const act = () => matchesPattern(pattern, event);

      // Assert
      expect(act).toThrow(message);
    });
  });
});
