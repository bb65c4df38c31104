import * as assert from 'node:assert/strict';
import {
  aliasDescription,
  aliasTooltip,
  emptyText,
  escapeMarkdown,
  failureText,
  formatDate,
  formatSeconds,
  formatWeight,
  functionDescription,
  functionTooltip,
  groupLabel,
  invokeConfigDescription,
  invokeConfigLabel,
  loadingLabel,
  mappingDescription,
  mappingLabel,
  mappingTooltip,
  regionDescription,
  truncate,
  versionDescription,
} from '../../../src/tree/model/labels';

const FN = 'arn:aws:lambda:us-east-1:111111111111:function:hello-world';

describe('tree/model/labels', () => {
  describe('helpers', () => {
    it('truncate', () => {
      assert.equal(truncate('short'), 'short');
      assert.equal(truncate('a  b\nc'), 'a b c');
      assert.equal(truncate('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
      assert.equal(truncate('one two three four', 16), 'one two three…');
      assert.equal(truncate(undefined), '');
    });

    it('escapeMarkdown', () => {
      assert.equal(escapeMarkdown('a*b_[c](d)'), 'a\\*b\\_\\[c\\]\\(d\\)');
    });

    it('formatSeconds', () => {
      assert.equal(formatSeconds(3), '3 s');
      assert.equal(formatSeconds(0), '0 s');
      assert.equal(formatSeconds(90), '1 min 30 s');
      assert.equal(formatSeconds(3600), '1 h');
      assert.equal(formatSeconds(21600), '6 h');
      assert.equal(formatSeconds(5400), '1 h 30 min');
    });

    it('formatDate: Lambda strings, Dates and epoch seconds, in UTC', () => {
      assert.equal(formatDate('2026-11-22T13:05:00.000+0000'), '2026-11-22 13:05 UTC');
      assert.equal(formatDate(new Date(Date.UTC(2026, 0, 2, 3, 4))), '2026-01-02 03:04 UTC');
      assert.equal(formatDate(1767323040), '2026-01-02 03:04 UTC');
      assert.equal(formatDate(undefined), '');
      assert.equal(formatDate('garbage'), 'garbage');
    });

    it('formatWeight', () => {
      assert.equal(formatWeight(0.1), '10%');
      assert.equal(formatWeight(0.055), '5.5%');
      assert.equal(formatWeight(1), '100%');
    });
  });

  describe('functions', () => {
    const fn = {
      FunctionName: 'hello-world',
      FunctionArn: FN,
      Runtime: 'nodejs20.x' as const,
      Description: 'Says hello to whoever asks, in a friendly way, every time',
      MemorySize: 128,
      Timeout: 3,
      LastModified: '2026-11-22T13:00:00.000+0000',
      State: 'Active' as const,
      Handler: 'index.handler',
    };

    it('description: runtime and a short description', () => {
      assert.equal(functionDescription(fn), 'nodejs20.x · Says hello to whoever asks, in a friendly way,…');
      assert.equal(functionDescription({ FunctionName: 'x', PackageType: 'Image' }), 'container image');
      assert.equal(functionDescription({ FunctionName: 'x', Runtime: 'python3.12' }), 'python3.12');
    });

    it('tooltip: ARN, runtime, memory, timeout, last modified, state', () => {
      const md = functionTooltip(fn);
      assert.match(md, /^\*\*hello\\-world\*\*/);
      assert.ok(md.includes(`ARN: \`${FN}\``));
      assert.ok(md.includes('Runtime: nodejs20\\.x'));
      assert.ok(md.includes('Memory: 128 MB'));
      assert.ok(md.includes('Timeout: 3 s'));
      assert.ok(md.includes('Last modified: 2026\\-11\\-22 13:00 UTC'));
      assert.ok(md.includes('State: Active'));
    });

    it('description and tooltip: what changes how the function is invoked', () => {
      const capacity = 'arn:aws:lambda:us-east-1:111111111111:capacity-provider:demo-fleet';
      const today = {
        ...fn,
        TenancyConfig: { TenantIsolationMode: 'PER_TENANT' as const },
        CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: capacity } },
        DurableConfig: { ExecutionTimeout: 3600, RetentionPeriodInDays: 7 },
        SnapStart: { ApplyOn: 'PublishedVersions' as const, OptimizationStatus: 'On' as const },
        LoggingConfig: { LogFormat: 'JSON' as const, LogGroup: '/workflows/hello' },
      };
      assert.equal(functionDescription(today), 'nodejs20.x · tenant isolation · Managed Instances · durable · SnapStart · Says hello to whoever asks, in a friendly way,…');
      const md = functionTooltip(today, { invokeMode: 'RESPONSE_STREAM' });
      for (const line of [
        'Tenant isolation: PER\\_TENANT: every invocation needs a tenant id',
        'Lambda Managed Instances: no log tail \\(the log is in CloudWatch Logs\\); unqualified invocations run $LATEST\\.PUBLISHED',
        `Capacity provider: \`${capacity}\``,
        'Durable: invoked with a qualifier, an optional execution name; answers an execution ARN · execution timeout 1 h · history kept 7 days',
        'SnapStart: PublishedVersions · On',
        'Function URL: response streaming \\(RESPONSE\\_STREAM\\)',
        'Log format: JSON',
        'Log group: `/workflows/hello`',
      ]) {
        assert.ok(md.includes(line), `tooltip has ${line}:\n${md}`);
      }
      // A plain function: none of these, its default log group, a buffered URL.
      const plain = functionTooltip({ ...fn, SnapStart: { ApplyOn: 'None' } }, { invokeMode: 'BUFFERED' });
      assert.ok(!/Tenant isolation|Managed Instances|Capacity provider|Durable|SnapStart/.test(plain), plain);
      assert.ok(plain.includes('Function URL: buffered \\(BUFFERED\\)'), plain);
      assert.ok(plain.includes('Log group: `/aws/lambda/hello-world`'), plain);
      assert.equal(functionDescription({ ...fn, SnapStart: { ApplyOn: 'None' } }), 'nodejs20.x · Says hello to whoever asks, in a friendly way,…');
    });

    it('tooltip: a failed state shows its reason', () => {
      const md = functionTooltip({ ...fn, State: 'Failed', StateReason: 'bad zip' });
      assert.ok(md.includes('State: Failed · bad zip'));
    });
  });

  describe('versions, aliases, invoke configs', () => {
    it('version: its description', () => {
      assert.equal(versionDescription({ Version: '1', Description: 'first' }), 'first');
    });

    it('alias: the version and the routing weights', () => {
      assert.equal(aliasDescription({ Name: 'live', FunctionVersion: '2' }), '→ 2');
      assert.equal(aliasDescription({ Name: 'canary', FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 0.1 } } }), '→ 2 (1: 10%)');
      assert.equal(aliasDescription({ Name: 'x', FunctionVersion: '5', RoutingConfig: { AdditionalVersionWeights: { '4': 0.05, '3': 0.2 } } }), '→ 5 (3: 20%, 4: 5%)');
      assert.ok(aliasTooltip({ Name: 'canary', FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 0.1 } } }).includes('Routing: 2: 90%, 1: 10%'));
    });

    it('invoke config: label = qualifier; description = retries, max age, destinations', () => {
      assert.equal(invokeConfigLabel({ FunctionArn: `${FN}:live` }), 'live');
      assert.equal(invokeConfigLabel({ FunctionArn: `${FN}:$LATEST` }), '$LATEST');
      assert.equal(invokeConfigLabel({ FunctionArn: FN }), '$LATEST');
      assert.equal(
        invokeConfigDescription({
          FunctionArn: FN,
          MaximumRetryAttempts: 1,
          MaximumEventAgeInSeconds: 3600,
          DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:1:done' }, OnFailure: { Destination: `${FN}:dlq-handler` } },
        }),
        'retries 1 · max age 1 h · on success → done · on failure → hello-world:dlq-handler',
      );
      assert.equal(invokeConfigDescription({ FunctionArn: FN }), 'defaults');
    });
  });

  describe('event source mappings', () => {
    const sqs = {
      UUID: '3f6c2a8e',
      EventSourceArn: 'arn:aws:sqs:us-east-1:111111111111:orders-queue',
      FunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:order-processor',
      State: 'Enabled',
      BatchSize: 10,
    };

    it('label: the source name and its kind', () => {
      assert.equal(mappingLabel(sqs), 'orders-queue (SQS)');
      assert.equal(mappingLabel({ UUID: 'u', EventSourceArn: 'arn:aws:dynamodb:us-east-1:1:table/users/stream/2026' }), 'users (DynamoDB)');
      assert.equal(mappingLabel({ UUID: 'u', EventSourceArn: 'arn:aws:kinesis:eu-west-1:1:stream/clickstream' }), 'clickstream (Kinesis)');
      assert.equal(mappingLabel({ UUID: 'u', SelfManagedEventSource: { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: ['b1:9092'] } } }), 'b1:9092 (Kafka)');
      assert.equal(mappingLabel({ UUID: 'u-1' }), 'u-1 (other)');
    });

    it('description: state · batch size · function name', () => {
      assert.equal(mappingDescription(sqs), 'Enabled · batch 10 · order-processor');
      assert.equal(mappingDescription({ UUID: 'u', State: 'Creating' }), 'Creating');
    });

    it('tooltip: state, source, function, batch size, UUID', () => {
      const md = mappingTooltip({ ...sqs, StateTransitionReason: 'USER_INITIATED' });
      for (const part of ['State: Enabled', 'State reason: USER\\_INITIATED', `Source: \`${sqs.EventSourceArn}\``, 'Batch size: 10', 'UUID: `3f6c2a8e`']) {
        assert.ok(md.includes(part), part);
      }
    });
  });

  describe('groups, placeholders, regions', () => {
    it('group labels', () => {
      assert.deepEqual(['versions', 'aliases', 'invokeConfigs', 'mappings'].map((k) => groupLabel(k as never)), ['Versions', 'Aliases', 'Event invoke configs', 'Event source mappings']);
    });

    it('empty and failure texts name the region where it helps', () => {
      assert.equal(emptyText('functions', 'eu-west-1'), 'No functions in eu-west-1');
      assert.equal(emptyText('functions', 'eu-west-1', 'zzz'), 'No functions match "zzz" in eu-west-1');
      assert.equal(emptyText('aliases', 'eu-west-1'), 'No aliases');
      assert.equal(failureText('functions', 'us-east-1'), 'Could not list the functions in us-east-1');
      assert.equal(failureText('allMappings', 'us-east-1'), 'Could not list the event source mappings in us-east-1');
    });

    it('loading and region descriptions', () => {
      assert.equal(loadingLabel(0, false), 'Loading…');
      assert.equal(loadingLabel(50, false), 'Loading more… (50 loaded)');
      assert.equal(loadingLabel(50, true), 'Searching… (50 functions loaded)');
      assert.equal(regionDescription(8, true), '8 total');
      assert.equal(regionDescription(50, false), '50+ loaded');
      assert.equal(regionDescription(0, false), '');
      assert.equal(regionDescription(50, false, 2), '2 matching so far');
      assert.equal(regionDescription(80, true, 2), '2 matching');
    });
  });
});
