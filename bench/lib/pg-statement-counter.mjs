// A pass-through TCP proxy between the API and PostgreSQL that counts the statements the API sends,
// read from the wire protocol: a simple query ('Q') or an extended-protocol Execute ('E') is one
// statement (node-postgres sends parameterised queries as Parse/Bind/Describe/Execute/Sync). The
// bytes are piped unchanged; the tap only reads the client → server direction.
import { connect, createServer } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const QUERY = 0x51; // 'Q'
const EXECUTE = 0x45; // 'E'

/** Counts the frontend messages of one connection; returns a function fed with its client's chunks. */
function statementTap(onStatement) {
  let buffered = Buffer.alloc(0);
  let started = false;
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
      if (buffered[0] === QUERY || buffered[0] === EXECUTE) onStatement();
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
  const counter = { statements: 0 };
  const sockets = new Set();
  const server = createServer((client) => {
    const server = connect(port, host);
    for (const s of [client, server]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        server.destroy();
      });
    }
    client.on(
      'data',
      statementTap(() => counter.statements++),
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
