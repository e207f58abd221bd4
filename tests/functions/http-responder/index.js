// An HTTP API handler for aws-lambda-ric that answers whatever result its request body describes, so that a test can
// send any proxy-integration result (statusCode, headers, multiValueHeaders, cookies, base64 body) through API Gateway's
// mapping. The query parameter sleepMs makes it wait that long first. A body that is not JSON is thrown as an error.
exports.handler = async (event) => {
  const sleepMs = Number(event.queryStringParameters?.sleepMs ?? 0);
  if (sleepMs > 0) await new Promise((resolve) => setTimeout(resolve, sleepMs));
  const body = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return JSON.parse(body);
};
