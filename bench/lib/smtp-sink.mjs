// The benches' SMTP server: accepts every message, counts each Message-ID (as written, `<…>`), keeps no
// bodies. With `lookup`, it also answers the worker's delivery lookup (SMTP_RECONCILE_URL) as Mailpit's
// search API does, from the same counts.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'package.json'));

/**
 * Starts the sink on a free local port. Answers `{ url, counts, total, firstAt, lastAt, withoutId, reset(),
 * close() }` (times from performance.now()), and with `lookup` also `lookupUrl` and `lookups`.
 */
export async function startSmtpSink({ lookup = false } = {}) {
  const { SMTPServer } = require('smtp-server');
  const sink = { counts: new Map(), total: 0, firstAt: 0, lastAt: 0, withoutId: 0, lookups: 0 };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1];
        if (id) sink.counts.set(id, (sink.counts.get(id) ?? 0) + 1);
        else sink.withoutId++;
        sink.total++;
        sink.lastAt = performance.now();
        sink.firstAt ||= sink.lastAt;
        callback();
      });
    },
  });
  smtp.on('error', () => undefined);
  await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
  sink.url = `smtp://127.0.0.1:${smtp.server.address().port}`;
  const closing = [() => new Promise((r) => smtp.close(r))];
  if (lookup) {
    // GET /api/v1/search?query=message-id:<id>, with or without the angle brackets
    const web = createServer((req, res) => {
      const term = /^message-id:(.+)$/i.exec(new URL(req.url ?? '/', 'http://sink').searchParams.get('query') ?? '')?.[1];
      const id = term?.trim().replace(/^<|>$/g, '');
      sink.lookups++;
      const messages = id && sink.counts.has(`<${id}>`) ? [{ MessageID: id }] : [];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages_count: messages.length, messages }));
    });
    await new Promise((r) => web.listen(0, '127.0.0.1', r));
    sink.lookupUrl = `http://127.0.0.1:${web.address().port}`;
    closing.push(() => new Promise((r) => web.close(r)));
  }
  sink.reset = () => {
    sink.counts = new Map();
    sink.total = sink.firstAt = sink.lastAt = sink.withoutId = 0;
  };
  sink.close = () => Promise.all(closing.map((close) => close()));
  return sink;
}
