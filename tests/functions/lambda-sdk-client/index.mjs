// Calls a local Lambda API with the official AWS SDK for JavaScript v3, as a tool that looks for targets would, and
// prints what it saw as one JSON document. Usage: node index.mjs <endpoint> <function name> <slow payload>
// The slow payload is invoked twice at once, to show how the SDK sees a throttle (reserved concurrency 1).
import {
  GetFunctionConfigurationCommand, InvokeCommand, LambdaClient, ListFunctionsCommand, ListTagsCommand,
} from '@aws-sdk/client-lambda';

const [endpoint, functionName, slowPayload] = process.argv.slice(2);
const client = new LambdaClient({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1, // a throttle must reach the caller, not be retried away
});
const text = (bytes) => Buffer.from(bytes ?? []).toString('utf8');

const listed = await client.send(new ListFunctionsCommand({}));
const configuration = await client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
const tags = await client.send(new ListTagsCommand({ Resource: configuration.FunctionArn }));
const invoked = await client.send(new InvokeCommand({
  FunctionName: functionName, Payload: Buffer.from('{"from":"sdk"}'), LogType: 'Tail',
}));
const outcomes = await Promise.allSettled([1, 2].map(() => client.send(new InvokeCommand({
  FunctionName: functionName, Payload: Buffer.from(slowPayload),
}))));

console.log(JSON.stringify({
  functions: listed.Functions.map((f) => f.FunctionName),
  variables: configuration.Environment?.Variables ?? {},
  layers: (configuration.Layers ?? []).map((l) => l.Arn),
  tags: tags.Tags,
  invoke: {
    statusCode: invoked.StatusCode,
    payload: text(invoked.Payload),
    log: Buffer.from(invoked.LogResult ?? '', 'base64').toString('utf8'),
  },
  concurrent: outcomes.map((o) => (o.status === 'fulfilled'
    ? { statusCode: o.value.StatusCode }
    : { error: o.reason.name, reason: o.reason.Reason, httpStatusCode: o.reason.$metadata?.httpStatusCode })),
}));
