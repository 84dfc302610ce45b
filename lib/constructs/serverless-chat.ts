import { CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../checks/acknowledge';
import { CONNECTION_ID_ATTRIBUTE, TTL_ATTRIBUTE } from '../runtime/chat/connection-table-schema';
import { CHAT_HISTORY_ROUTE } from '../runtime/chat/history-route';
import { MESSAGE_TTL_ATTRIBUTE, POSITION_ATTRIBUTE, ROOM_ATTRIBUTE } from '../runtime/chat/message-table-schema';
import { Alerts } from './alerts';
import { webSocketAccessLogFormat } from './api-access-log-format';
import { ApiGatewayLoggingRole } from './api-gateway-logging-role';
import { deadLetterQueue } from './dead-letter-queue';
import { LiveAlias } from './live-alias';
import { watchTableHealth } from './table-health';
import { nodeFunction } from './node-function';
import { ViewerApi } from './viewer-api';

/** Properties of {@link ServerlessChat}. */
export interface ServerlessChatProps {
  readonly alerts: Alerts;
  /** The platform's HTTP API, where the chat history is read (`GET /chat/history`). */
  readonly api: ViewerApi;
  /**
   * Largest chat message accepted, in UTF-8 bytes.
   * @default 2048
   */
  readonly maxMessageBytes?: number;
  /**
   * Steady-state messages per second the stage accepts (burst is twice that).
   * @default 500
   */
  readonly messagesPerSecond?: number;
  /**
   * Days a message stays in the history before TTL removes it.
   * @default 30
   */
  readonly historyDays?: number;
}

/** The fan-out worker's timeout; the queue hides a message six times as long, as AWS advises for Lambda consumers. */
const FAN_OUT_TIMEOUT = Duration.seconds(60);

/**
 * Real-time chat without servers, after AWS's serverless chat sample: an API Gateway WebSocket API,
 * one Lambda function per route, and a DynamoDB table of open connections whose rows expire by TTL
 * because $disconnect is best effort. Unlike the sample, `sendmessage` does not post to every viewer
 * itself: it stores the message in the history and queues it, and a fan-out worker splits the
 * connections into batches that any number of invocations post in parallel, so a message reaches
 * ten thousand viewers as surely as ten.
 */
export class ServerlessChat extends Construct {
  public readonly connections: dynamodb.TableV2;
  public readonly messages: dynamodb.TableV2;
  public readonly fanOutQueue: sqs.Queue;
  public readonly api: apigwv2.WebSocketApi;
  public readonly stage: apigwv2.WebSocketStage;

  constructor(scope: Construct, id: string, props: ServerlessChatProps) {
    super(scope, id);
    this.connections = new dynamodb.TableV2(this, 'Connections', {
      partitionKey: { name: CONNECTION_ID_ATTRIBUTE, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.messages = new dynamodb.TableV2(this, 'Messages', {
      partitionKey: { name: ROOM_ATTRIBUTE, type: dynamodb.AttributeType.STRING },
      sortKey: { name: POSITION_ATTRIBUTE, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: MESSAGE_TTL_ATTRIBUTE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const fanOutFailures = deadLetterQueue(this, 'FanOutFailures', props.alerts, 'A chat fan-out job that failed three times', { redriveOf: true });
    this.fanOutQueue = new sqs.Queue(this, 'FanOutQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(FAN_OUT_TIMEOUT.toSeconds() * 6),
      // A chat message a day late is noise; the age alarm below speaks long before that.
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: fanOutFailures, maxReceiveCount: 3 },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const environment = {
      TABLE_NAME: this.connections.tableName,
      MAX_MESSAGE_BYTES: String(props.maxMessageBytes ?? 2048),
    };
    const onConnect = this.handler('OnConnect', 'on-connect.ts', environment);
    const onDisconnect = this.handler('OnDisconnect', 'on-disconnect.ts', environment);
    const sendMessage = this.handler('SendMessage', 'send-message.ts', {
      MESSAGES_TABLE_NAME: this.messages.tableName,
      FAN_OUT_QUEUE_URL: this.fanOutQueue.queueUrl,
      MAX_MESSAGE_BYTES: String(props.maxMessageBytes ?? 2048),
      CHAT_HISTORY_DAYS: String(props.historyDays ?? 30),
    });
    const defaultRoute = this.handler('DefaultRoute', 'default-route.ts', {});
    const fanOut = nodeFunction(this, 'FanOut', {
      entry: 'lib/runtime/chat/fan-out.ts',
      environment: { TABLE_NAME: this.connections.tableName, FAN_OUT_QUEUE_URL: this.fanOutQueue.queueUrl },
      timeout: FAN_OUT_TIMEOUT,
      memorySize: 512,
    });
    const history = this.handler('History', 'chat-history.ts', { MESSAGES_TABLE_NAME: this.messages.tableName });

    this.connections.grant(onConnect, 'dynamodb:PutItem');
    this.connections.grant(onDisconnect, 'dynamodb:DeleteItem');
    this.messages.grant(sendMessage, 'dynamodb:PutItem');
    this.fanOutQueue.grantSendMessages(sendMessage);
    this.connections.grant(fanOut, 'dynamodb:Scan', 'dynamodb:DeleteItem');
    this.fanOutQueue.grantSendMessages(fanOut);
    this.messages.grant(history, 'dynamodb:Query');
    // Ten jobs an invocation (a thousand connections); at most twenty invocations at once keeps the
    // posts in flight (20 x 50) well inside API Gateway's account rate.
    // Every caller invokes a handler's live alias, so a new version takes a canary share of the traffic first.
    const live = (fn: lambda.Function) => new LiveAlias(this, `${fn.node.id}Live`, fn, { alerts: props.alerts }).alias;
    live(fanOut).addEventSource(new sources.SqsEventSource(this.fanOutQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 20 }));
    props.api.addRoutes('ChatHistory', live(history), [CHAT_HISTORY_ROUTE], () => 'anyone');

    this.api = new apigwv2.WebSocketApi(this, 'Api', {
      description: 'Video platform chat',
      routeSelectionExpression: '$request.body.action',
      connectRouteOptions: { integration: new WebSocketLambdaIntegration('ConnectIntegration', live(onConnect)) },
      disconnectRouteOptions: { integration: new WebSocketLambdaIntegration('DisconnectIntegration', live(onDisconnect)) },
      defaultRouteOptions: { integration: new WebSocketLambdaIntegration('FallbackIntegration', live(defaultRoute)) },
    });
    this.api.addRoute('sendmessage', { integration: new WebSocketLambdaIntegration('SendIntegration', live(sendMessage)) });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const rate = props.messagesPerSecond ?? 500;
    this.stage = new apigwv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: 'live',
      autoDeploy: true,
      throttle: { rateLimit: rate, burstLimit: rate * 2 },
      detailedMetricsEnabled: true,
      accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(accessLogs), format: webSocketAccessLogFormat() },
    });
    this.stage.node.addDependency(new ApiGatewayLoggingRole(this, 'LoggingRole').setting);
    const stack = Stack.of(this);
    const apiLogicalId = stack.getLogicalId(this.api.node.defaultChild as CfnElement);
    for (const fn of [sendMessage, defaultRoute, fanOut]) {
      this.stage.grantManagementApiAccess(fn);
      fn.addEnvironment('CALLBACK_URL', this.stage.callbackUrl);
      acknowledge(fn, {
        rule: `AwsSolutions-IAM5[Resource::arn:${stack.partition}:execute-api:${stack.region}:<AWS::AccountId>:<${apiLogicalId}>/${this.stage.stageName}/*/@connections/*]`,
        reason: 'Posting to connections of this one stage only; connection ids exist only at run time.',
      });
    }

    for (const fn of [onConnect, onDisconnect, sendMessage, defaultRoute, fanOut, history]) {
      const alarm = new cloudwatch.Alarm(fn, 'Errors', {
        alarmDescription: `Chat handler ${fn.node.id} is failing`,
        metric: fn.metricErrors({ period: Duration.minutes(1) }),
        threshold: 5,
        evaluationPeriods: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      props.alerts.notifyOn(alarm);
    }

    props.alerts.alarm(this, 'IntegrationErrors', {
      description: 'The chat API fails to hand messages to its handlers',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName: 'IntegrationError',
        dimensionsMap: { ApiId: this.api.apiId, Stage: this.stage.stageName },
        statistic: 'Sum',
        period: Duration.minutes(1),
      }),
      threshold: 10,
    });

    watchTableHealth(this, 'Connections', this.connections, props.alerts);
    watchTableHealth(this, 'Messages', this.messages, props.alerts);

    props.alerts.alarm(this, 'FanOutFallingBehind', {
      description: 'Chat messages wait more than 30 seconds to be fanned out to viewers',
      metric: this.fanOutQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 30,
    });

    const anonymous =
      'Viewers chat anonymously, as in the talk; $disconnect/$default/sendmessage cannot take an authorizer on WebSocket APIs. Add a WebSocketLambdaAuthorizer on $connect for ticketed chat.';
    acknowledge(this.api, { rule: 'AwsSolutions-APIG4', reason: anonymous }, { rule: 'WellArchitected-EntryPointAuthenticated', reason: anonymous });
  }

  /** `wss://` URL clients connect to. */
  public get url(): string {
    return this.stage.url;
  }

  private handler(id: string, file: string, environment: Record<string, string>): lambda.Function {
    return nodeFunction(this, id, { entry: `lib/runtime/chat/${file}`, environment });
  }
}
