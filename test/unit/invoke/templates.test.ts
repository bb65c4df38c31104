import * as assert from 'node:assert/strict';
import { checkPayloadText, findTemplate, payloadTemplates, renderTemplate, uniqueFileName } from '../../../src/invoke/model';

const CTX = { region: 'eu-west-1', account: '111111111111' };

type Json = Record<string, unknown>;
const build = (id: string): Json => findTemplate(id)!.build(CTX) as Json;
const record = (id: string): Json => (build(id).Records as Json[])[0];

describe('invoke/model/templates', () => {
  it('offers the event sources in a fixed order, each with a file name', () => {
    assert.deepEqual(
      payloadTemplates().map((x) => `${x.id} ${x.label} ${x.fileName}`),
      [
        'blank Blank event.json',
        'sqs SQS message sqs-event.json',
        'sns SNS notification sns-event.json',
        's3 S3 object created s3-event.json',
        'apigw-http API Gateway HTTP API (v2) http-api-event.json',
        'apigw-rest API Gateway REST API (proxy) rest-api-event.json',
        'eventbridge EventBridge event eventbridge-event.json',
        'dynamodb DynamoDB stream dynamodb-stream-event.json',
        'kinesis Kinesis stream kinesis-event.json',
      ],
    );
  });

  it('renders every template as 2-space JSON with a final newline, under the Event limit', () => {
    for (const tpl of payloadTemplates()) {
      const text = renderTemplate(tpl, CTX);
      assert.ok(text.endsWith('}\n'), tpl.id);
      assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      checkPayloadText(text, { file: tpl.fileName, invocationType: 'Event' });
    }
    assert.equal(renderTemplate(findTemplate('blank')!), '{}\n');
  });

  it('SQS: one record with the fields Lambda delivers, ARN in the region and account', () => {
    const r = record('sqs');
    assert.deepEqual(Object.keys(r), ['messageId', 'receiptHandle', 'body', 'attributes', 'messageAttributes', 'md5OfBody', 'eventSource', 'eventSourceARN', 'awsRegion']);
    assert.equal(r.eventSource, 'aws:sqs');
    assert.equal(r.eventSourceARN, 'arn:aws:sqs:eu-west-1:111111111111:orders-queue');
    assert.equal(typeof r.body, 'string');
    assert.deepEqual(JSON.parse(r.body as string), { orderId: 'ord-1001', amount: 42.5, currency: 'USD' });
  });

  it('SNS: a Notification with TopicArn and a string Message', () => {
    const r = record('sns');
    assert.equal(r.EventSource, 'aws:sns');
    const sns = r.Sns as Json;
    assert.equal(sns.Type, 'Notification');
    assert.equal(sns.TopicArn, 'arn:aws:sns:eu-west-1:111111111111:order-events');
    assert.equal(typeof sns.Message, 'string');
  });

  it('S3: ObjectCreated:Put with bucket and object', () => {
    const r = record('s3');
    assert.equal(r.eventSource, 'aws:s3');
    assert.equal(r.eventName, 'ObjectCreated:Put');
    const s3 = r.s3 as { bucket: Json; object: Json };
    assert.equal(s3.bucket.arn, 'arn:aws:s3:::uploads-111111111111');
    assert.equal(s3.object.key, 'invoices/2026/11/invoice-1001.pdf');
  });

  it('API Gateway: payload format 2.0 for HTTP APIs and 1.0 for REST proxies', () => {
    const v2 = build('apigw-http');
    assert.equal(v2.version, '2.0');
    assert.equal(v2.routeKey, 'POST /orders');
    assert.equal(((v2.requestContext as Json).http as Json).method, 'POST');
    assert.equal(v2.isBase64Encoded, false);
    const v1 = build('apigw-rest');
    assert.equal(v1.httpMethod, 'GET');
    assert.equal(v1.resource, '/orders/{orderId}');
    assert.deepEqual(v1.pathParameters, { orderId: 'ord-1001' });
    assert.ok('multiValueHeaders' in v1);
  });

  it('EventBridge: detail-type, source and detail', () => {
    const e = build('eventbridge');
    assert.deepEqual(Object.keys(e), ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
    assert.equal(e.account, '111111111111');
    assert.equal(e.region, 'eu-west-1');
  });

  it('DynamoDB and Kinesis streams: typed attribute values and base64 data', () => {
    const d = record('dynamodb');
    assert.equal(d.eventSource, 'aws:dynamodb');
    assert.deepEqual((d.dynamodb as Json).Keys, { userId: { S: 'user-1001' } });
    assert.match(d.eventSourceARN as string, /^arn:aws:dynamodb:eu-west-1:111111111111:table\/users\/stream\//);
    const k = record('kinesis');
    assert.equal(k.eventSource, 'aws:kinesis');
    const data = (k.kinesis as Json).data as string;
    assert.deepEqual(JSON.parse(Buffer.from(data, 'base64').toString('utf8')), { page: '/checkout', userId: 'user-1001' });
  });

  it('finds a free file name', () => {
    const taken = new Set(['payloads/sqs-event.json', 'payloads/sqs-event-2.json']);
    assert.equal(uniqueFileName('payloads', 'sqs-event.json', (p) => taken.has(p)), 'payloads/sqs-event-3.json');
    assert.equal(uniqueFileName('payloads/', 'event.json', () => false), 'payloads/event.json');
    assert.equal(uniqueFileName('', 'event.json', () => false), 'event.json');
  });
});
