// The orders API of the talk's demo: four Lambda functions (create, get, list, delete) behind one HTTP API
// (payload format 2.0), sharing a file store: one JSON file per order in ORDERS_TABLE_DIR.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const table = process.env.ORDERS_TABLE_DIR || '/tmp/fis-orders/table';

const answer = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? '' : JSON.stringify(body),
});

// An order id is what create made: 32 hex digits. Anything else is not a file name we would ever open.
const orderFile = (id) => (/^[0-9a-f]{32}$/.test(id || '') ? path.join(table, `${id}.json`) : null);

const readOrder = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
};

exports.create = async (event) => {
  let input;
  try {
    input = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body || '', 'base64').toString('utf8') : event.body || '');
  } catch {
    return answer(400, { message: 'The body must be JSON, e.g. {"item":"coffee","quantity":2}.' });
  }
  if (typeof input?.item !== 'string' || input.item.length === 0) {
    return answer(400, { message: 'An order needs an "item" (a non-empty string).' });
  }
  const order = {
    id: crypto.randomBytes(16).toString('hex'),
    item: input.item,
    quantity: Number.isInteger(input.quantity) && input.quantity > 0 ? input.quantity : 1,
    createdAt: new Date().toISOString(),
  };
  fs.mkdirSync(table, { recursive: true });
  // Written whole, then renamed: a concurrent list or get never reads half an order.
  const file = orderFile(order.id);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(order));
  fs.renameSync(`${file}.tmp`, file);
  return answer(201, order);
};

exports.get = async (event) => {
  const file = orderFile(event.pathParameters?.id);
  const order = file && readOrder(file);
  return order ? answer(200, order) : answer(404, { message: 'No such order.' });
};

exports.list = async () => {
  let names = [];
  try {
    names = fs.readdirSync(table).filter((name) => name.endsWith('.json'));
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  const orders = names.map((name) => readOrder(path.join(table, name))).filter(Boolean);
  orders.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return answer(200, { orders, count: orders.length });
};

exports.delete = async (event) => {
  const file = orderFile(event.pathParameters?.id);
  if (!file) return answer(404, { message: 'No such order.' });
  try {
    fs.unlinkSync(file);
  } catch (e) {
    if (e.code === 'ENOENT') return answer(404, { message: 'No such order.' });
    throw e;
  }
  return answer(204);
};
