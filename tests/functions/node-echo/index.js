// A Node.js handler for the official runtime interface client, driven by the event:
//   { "action": "echo" }                       answers the event
//   { "action": "error", "errorType", "errorMessage" }  throws
//   { "action": "sleep", "sleepMs": N }        waits N ms, then answers the event (past the timeout when N is large)
//   "markerFile": path                         with any action: append the request id to this file when the handler runs
const fs = require('fs');

const mark = (event, context) => {
  if (event && event.markerFile) {
    fs.appendFileSync(event.markerFile, `${context.awsRequestId}\n`);
  }
};

exports.handler = async (event, context) => {
  mark(event, context);
  switch (event && event.action) {
    case 'error': {
      const error = new Error(event.errorMessage || 'handler failed');
      error.name = event.errorType || 'HandlerError';
      throw error;
    }
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, event.sleepMs || 0));
      return event;
    default:
      return event;
  }
};

// Response streaming: writes each of event.chunks with event.delayMs between them, then throws when
// event.action is "error" (the error travels in the HTTP trailers).
exports.stream = awslambda.streamifyResponse(async (event, responseStream, context) => {
  mark(event, context);
  for (const chunk of event.chunks || []) {
    responseStream.write(chunk);
    await new Promise((resolve) => setTimeout(resolve, event.delayMs || 0));
  }
  if (event.action === 'error') {
    throw new Error(event.errorMessage || 'stream failed');
  }
  responseStream.end();
});
