// Local target for capturing an Artillery report: 200 after 5-15 ms, except 503 at once during the "fault" window,
// which starts on the second 10 s boundary after launch and lasts 20 s. Writes the window to fault.json.
const http = require('http');
const fs = require('fs');
const now = Date.now();
const faultStart = Math.ceil(now / 10000) * 10000 + 20000;
const faultEnd = faultStart + 20000;
fs.writeFileSync('fault.json', JSON.stringify({ faultStart: new Date(faultStart).toISOString(), faultEnd: new Date(faultEnd).toISOString() }));
http.createServer((req, res) => {
  const t = Date.now();
  if (t >= faultStart && t < faultEnd) { res.writeHead(503, { 'content-type': 'application/json' }); res.end('{"message":"Service Unavailable"}'); return; }
  setTimeout(() => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}'); }, 5 + Math.random() * 10);
}).listen(18089, '127.0.0.1');
