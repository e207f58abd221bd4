// An HTTP API handler for aws-lambda-ric that answers, in either payload format, a proxy result whose body is the
// event it received, so that a test can read the event API Gateway built for a route of format 1.0 as well as 2.0.
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(event),
});
