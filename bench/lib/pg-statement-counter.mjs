// A pass-through TCP proxy between the API and PostgreSQL that counts the statements the API sends,
// read from the wire protocol: a simple query ('Q') or an extended-protocol Execute ('E') is one
// statement (node-postgres sends parameterised queries as Parse/Bind/Describe/Execute/Sync). The
// bytes are piped unchanged; the tap only reads the client → server direction. While `counter.capture`
// is an array, each statement's text and (text-format) parameters are appended to it, so a benchmark
// can run exactly the API's SQL again directly (bench/lists.mjs).
import { connect, createServer } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const QUERY = 0x51; // 'Q'
const EXECUTE = 0x45; // 'E'
const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'

/** A NUL-terminated string at `at`: [value, offset after it]. */
function cstring(buf, at) {
  const end = buf.indexOf(0, at);
  return [buf.toString('utf8', at, end), end + 1];
}

/** The parameters of a Bind message (text format; a binary one is kept as a Buffer). */
function bindValues(msg) {
  let [, at] = cstring(msg, 5); // portal
  [, at] = cstring(msg, at); // statement
  const nFormats = msg.readInt16BE(at);
  const formats = Array.from({ length: nFormats }, (_, i) => msg.readInt16BE(at + 2 + 2 * i));
  at += 2 + 2 * nFormats;
  const n = msg.readInt16BE(at);
  at += 2;
  const values = [];
  for (let i = 0; i < n; i++) {
    const len = msg.readInt32BE(at);
    at += 4;
    if (len < 0) values.push(null);
    else {
      const binary = (nFormats === 1 ? formats[0] : formats[i]) === 1;
      values.push(binary ? Buffer.from(msg.subarray(at, at + len)) : msg.toString('utf8', at, at + len));
      at += len;
    }
  }
  return values;
}

/** Counts the frontend messages of one connection; returns a function fed with its client's chunks. */
function statementTap(onStatement, counter) {
  let buffered = Buffer.alloc(0);
  let started = false;
  let parsed = null;
  let values = [];
  // a named prepared statement is parsed once per connection and then only bound by its name
  const named = new Map();
  return (chunk) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    for (;;) {
      if (!started) {
        // startup, SSLRequest or GSSENCRequest: length and code, no type byte
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) started = true;
        buffered = buffered.subarray(length);
        continue;
      }
      if (buffered.length < 5) return;
      const total = 1 + buffered.readInt32BE(1);
      if (buffered.length < total) return;
      const type = buffered[0];
      if (type === QUERY || type === EXECUTE) onStatement();
      if (counter?.capture) {
        const msg = buffered.subarray(0, total);
        if (type === PARSE) {
          const [name, at] = cstring(msg, 5);
          [parsed] = cstring(msg, at);
          if (name) named.set(name, parsed);
        } else if (type === BIND) {
          const name = cstring(msg, cstring(msg, 5)[1])[0];
          if (name && named.has(name)) parsed = named.get(name);
          values = bindValues(msg);
        } else if (type === EXECUTE) counter.capture.push({ text: parsed, values });
        else if (type === QUERY) counter.capture.push({ text: cstring(msg, 5)[0], values: [] });
      }
      buffered = buffered.subarray(total);
    }
  };
}

/**
 * Starts the proxy on a free port of 127.0.0.1 in front of `upstream` (a postgres:// URL). Returns
 * the URL to give the API instead (same user, password and database), the running count, and close().
 */
export async function startStatementCounter(upstreamUrl) {
  const upstream = new URL(upstreamUrl);
  const host = upstream.hostname;
  const port = Number(upstream.port || 5432);
  const counter = { statements: 0, capture: null };
  const sockets = new Set();
  const server = createServer((client) => {
    const server = connect(port, host);
    for (const s of [client, server]) {
      s.setNoDelay(true); // no Nagle on the extra hop: a 40 ms delayed-ACK stall per round trip otherwise
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        server.destroy();
      });
    }
    client.on(
      'data',
      statementTap(() => counter.statements++, counter),
    );
    client.pipe(server);
    server.pipe(client);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const via = new URL(upstreamUrl);
  via.hostname = '127.0.0.1';
  via.port = String(server.address().port);
  return {
    url: via.toString(),
    counter,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
