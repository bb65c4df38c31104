/**
 * Payload templates: realistic events of the services that invoke functions, in the
 * shapes Lambda delivers them. Pure: no vscode import.
 */
import { t } from '../../shared/l10n';

export interface TemplateContext {
  region: string;
  account: string;
}

export interface PayloadTemplate {
  id: string;
  label: string;
  description: string;
  /** Suggested file name. */
  fileName: string;
  build(ctx: TemplateContext): unknown;
}

export const DEFAULT_TEMPLATE_CONTEXT: TemplateContext = { region: 'us-east-1', account: '123456789012' };

const TIME = '2026-11-22T13:00:00.000Z';
const EPOCH_MS = Date.parse(TIME);

function sqs(ctx: TemplateContext): unknown {
  return {
    Records: [
      {
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
        body: JSON.stringify({ orderId: 'ord-1001', amount: 42.5, currency: 'USD' }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(EPOCH_MS),
          SenderId: 'AIDAIENQZJOLO23YVJ4VO',
          ApproximateFirstReceiveTimestamp: String(EPOCH_MS + 2),
        },
        messageAttributes: {
          source: { stringValue: 'checkout', stringListValues: [], binaryListValues: [], dataType: 'String' },
        },
        md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${ctx.region}:${ctx.account}:orders-queue`,
        awsRegion: ctx.region,
      },
    ],
  };
}

function sns(ctx: TemplateContext): unknown {
  const topic = `arn:aws:sns:${ctx.region}:${ctx.account}:order-events`;
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topic}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: topic,
          Subject: 'Order shipped',
          Message: JSON.stringify({ orderId: 'ord-1001', status: 'SHIPPED' }),
          Timestamp: TIME,
          SignatureVersion: '1',
          Signature: 'EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=',
          SigningCertUrl: `https://sns.${ctx.region}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
          UnsubscribeUrl: `https://sns.${ctx.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topic}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
          MessageAttributes: {
            priority: { Type: 'String', Value: 'high' },
          },
        },
      },
    ],
  };
}

function s3(ctx: TemplateContext): unknown {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: ctx.region,
        eventTime: TIME,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
        requestParameters: { sourceIPAddress: '203.0.113.10' },
        responseElements: {
          'x-amz-request-id': 'C3D13FE58DE4C810',
          'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'on-upload',
          bucket: {
            name: `uploads-${ctx.account}`,
            ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
            arn: `arn:aws:s3:::uploads-${ctx.account}`,
          },
          object: {
            key: 'invoices/2026/11/invoice-1001.pdf',
            size: 48213,
            eTag: 'd41d8cd98f00b204e9800998ecf8427e',
            sequencer: '0A1B2C3D4E5F678901',
          },
        },
      },
    ],
  };
}

function httpApiV2(ctx: TemplateContext): unknown {
  return {
    version: '2.0',
    routeKey: 'POST /orders',
    rawPath: '/orders',
    rawQueryString: 'dryRun=false',
    cookies: ['session=abc123'],
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      host: `a1b2c3d4e5.execute-api.${ctx.region}.amazonaws.com`,
      'user-agent': 'curl/8.5.0',
      'x-forwarded-for': '203.0.113.10',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    queryStringParameters: { dryRun: 'false' },
    requestContext: {
      accountId: ctx.account,
      apiId: 'a1b2c3d4e5',
      domainName: `a1b2c3d4e5.execute-api.${ctx.region}.amazonaws.com`,
      domainPrefix: 'a1b2c3d4e5',
      http: {
        method: 'POST',
        path: '/orders',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.10',
        userAgent: 'curl/8.5.0',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: 'POST /orders',
      stage: '$default',
      time: '22/Nov/2026:13:00:00 +0000',
      timeEpoch: EPOCH_MS,
    },
    body: JSON.stringify({ orderId: 'ord-1001', items: [{ sku: 'BOOK-42', quantity: 1 }] }),
    pathParameters: {},
    isBase64Encoded: false,
  };
}

function restProxy(ctx: TemplateContext): unknown {
  return {
    resource: '/orders/{orderId}',
    path: '/orders/ord-1001',
    httpMethod: 'GET',
    headers: {
      Accept: 'application/json',
      Host: `a1b2c3d4e5.execute-api.${ctx.region}.amazonaws.com`,
      'User-Agent': 'curl/8.5.0',
      'X-Forwarded-For': '203.0.113.10',
      'X-Forwarded-Port': '443',
      'X-Forwarded-Proto': 'https',
    },
    multiValueHeaders: {
      Accept: ['application/json'],
      Host: [`a1b2c3d4e5.execute-api.${ctx.region}.amazonaws.com`],
      'User-Agent': ['curl/8.5.0'],
      'X-Forwarded-For': ['203.0.113.10'],
      'X-Forwarded-Port': ['443'],
      'X-Forwarded-Proto': ['https'],
    },
    queryStringParameters: { include: 'items' },
    multiValueQueryStringParameters: { include: ['items'] },
    pathParameters: { orderId: 'ord-1001' },
    stageVariables: null,
    requestContext: {
      accountId: ctx.account,
      apiId: 'a1b2c3d4e5',
      resourceId: 'abc123',
      resourcePath: '/orders/{orderId}',
      httpMethod: 'GET',
      path: '/prod/orders/ord-1001',
      protocol: 'HTTP/1.1',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTime: '22/Nov/2026:13:00:00 +0000',
      requestTimeEpoch: EPOCH_MS,
      stage: 'prod',
      identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
    },
    body: null,
    isBase64Encoded: false,
  };
}

function eventBridge(ctx: TemplateContext): unknown {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'Order Placed',
    source: 'com.example.orders',
    account: ctx.account,
    time: '2026-11-22T13:00:00Z',
    region: ctx.region,
    resources: [],
    detail: { orderId: 'ord-1001', customerId: 'cus-77', total: 42.5 },
  };
}

function dynamodbStream(ctx: TemplateContext): unknown {
  return {
    Records: [
      {
        eventID: 'c4ca4238a0b923820dcc509a6f75849b',
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: ctx.region,
        dynamodb: {
          ApproximateCreationDateTime: EPOCH_MS / 1000,
          Keys: { userId: { S: 'user-1001' } },
          NewImage: {
            userId: { S: 'user-1001' },
            name: { S: 'Ada' },
            visits: { N: '1' },
          },
          SequenceNumber: '4421584500000000017450439091',
          SizeBytes: 59,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
        eventSourceARN: `arn:aws:dynamodb:${ctx.region}:${ctx.account}:table/users/stream/2026-11-22T13:00:00.000`,
      },
    ],
  };
}

function kinesis(ctx: TemplateContext): unknown {
  const seq = '49590338271490256608559692538361571095921575989136588898';
  return {
    Records: [
      {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: 'user-1001',
          sequenceNumber: seq,
          data: Buffer.from(JSON.stringify({ page: '/checkout', userId: 'user-1001' })).toString('base64'),
          approximateArrivalTimestamp: EPOCH_MS / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000006:${seq}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: `arn:aws:iam::${ctx.account}:role/lambda-kinesis-role`,
        awsRegion: ctx.region,
        eventSourceARN: `arn:aws:kinesis:${ctx.region}:${ctx.account}:stream/clickstream`,
      },
    ],
  };
}

/** The templates, in the order they are offered. */
export function payloadTemplates(): PayloadTemplate[] {
  return [
    { id: 'blank', label: t('Blank'), description: t('an empty JSON object'), fileName: 'event.json', build: () => ({}) },
    { id: 'sqs', label: t('SQS message'), description: t('one record from a queue'), fileName: 'sqs-event.json', build: sqs },
    { id: 'sns', label: t('SNS notification'), description: t('one notification from a topic'), fileName: 'sns-event.json', build: sns },
    { id: 's3', label: t('S3 object created'), description: t('ObjectCreated:Put'), fileName: 's3-event.json', build: s3 },
    { id: 'apigw-http', label: t('API Gateway HTTP API (v2)'), description: t('payload format 2.0'), fileName: 'http-api-event.json', build: httpApiV2 },
    { id: 'apigw-rest', label: t('API Gateway REST API (proxy)'), description: t('payload format 1.0'), fileName: 'rest-api-event.json', build: restProxy },
    { id: 'eventbridge', label: t('EventBridge event'), description: t('a custom event on a bus'), fileName: 'eventbridge-event.json', build: eventBridge },
    { id: 'dynamodb', label: t('DynamoDB stream'), description: t('one INSERT record'), fileName: 'dynamodb-stream-event.json', build: dynamodbStream },
    { id: 'kinesis', label: t('Kinesis stream'), description: t('one record, base64 data'), fileName: 'kinesis-event.json', build: kinesis },
  ];
}

export function findTemplate(id: string): PayloadTemplate | undefined {
  return payloadTemplates().find((x) => x.id === id);
}

/** The file text of a template: 2-space JSON and a final newline. */
export function renderTemplate(template: PayloadTemplate, ctx: TemplateContext = DEFAULT_TEMPLATE_CONTEXT): string {
  return `${JSON.stringify(template.build(ctx), null, 2)}\n`;
}

/** `payloads/sqs-event.json`, or `payloads/sqs-event-2.json` … when taken. */
export function uniqueFileName(folder: string, fileName: string, exists: (relativePath: string) => boolean): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
  for (let n = 1; ; n++) {
    const candidate = `${prefix}${n === 1 ? base : `${base}-${n}`}${ext}`;
    if (!exists(candidate)) {
      return candidate;
    }
  }
}
