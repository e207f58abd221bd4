// The sample function of the local run: an API Gateway proxy-integration handler listing orders.
// It counts its own runs in HANDLER_MARKER_FILE, so the local run can show when a fault kept it from running.
const fs = require('fs');

exports.handler = async (event) => {
  if (process.env.HANDLER_MARKER_FILE) {
    fs.appendFileSync(process.env.HANDLER_MARKER_FILE, 'ran\n');
  }
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ orders: [{ id: 1, item: 'coffee' }, { id: 2, item: 'tea' }], path: event.path ?? null }),
    isBase64Encoded: false,
  };
};
