/**
 * The server side of `npm run bench:site`, run in its own process so the load
 * generator does not share its event loop. Two modes:
 *   app  DATA_DIR on|off LOG_LEVEL  — the real server (startServer), page cache on or off
 *   bare FILE                       — node:http answering recorded responses by path (the ceiling)
 * Listens on 127.0.0.1, an ephemeral port, and reports the port (and, when asked,
 * its CPU time) to the parent over IPC.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/index.js';

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

function report(port: number): void {
  if (!process.send) throw new Error('site-server runs as a child of bench/site.ts');
  process.send({ port });
}

async function main(): Promise<void> {
  // The parent asks for this process's CPU time around each run, to report CPU per request.
  process.on('message', (m) => {
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpu: user + system });
    }
  });
  const [mode, arg, cache, logLevel] = process.argv.slice(2);
  if (mode === 'bare' && arg) {
    // One recorded answer per path, with its exact headers and bytes; anything else gets the first.
    const recorded = JSON.parse(fs.readFileSync(arg, 'utf8')) as Record<string, RecordedResponse>;
    const answers = new Map(
      Object.entries(recorded).map(([url, r]) => {
        const body = Buffer.from(r.bodyBase64, 'base64');
        return [url, { status: r.status, headers: { ...r.headers, 'content-length': String(body.length) }, body }] as const;
      }),
    );
    const fallback = answers.values().next().value;
    if (!fallback) throw new Error('nothing recorded');
    const server = http.createServer((req, res) => {
      const answer = answers.get(req.url ?? '') ?? fallback;
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
    server.keepAliveTimeout = 72_000;
    server.listen(0, '127.0.0.1', () => report((server.address() as AddressInfo).port));
    process.on('disconnect', () => server.close(() => process.exit(0)));
    return;
  }
  if (mode === 'app' && arg) {
    const config = loadConfig({ DATA_DIR: arg, HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', PAGE_CACHE: cache === 'on' ? 'true' : 'false', LOG_LEVEL: logLevel ?? 'warn' });
    const running = await startServer(config);
    report(Number(new URL(running.url).port));
    process.on('disconnect', () => {
      void running.stop().then(() => process.exit(0));
    });
    return;
  }
  throw new Error('usage: site-server app DATA_DIR on|off [LOG_LEVEL] | site-server bare FILE');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
