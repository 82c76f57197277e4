import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedFilename, fetchFeed } from './wire.poll.js';

describe('fetching a feed', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      switch (req.url) {
        case '/big-declared':
          res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
          break;
        case '/big-chunked':
          res.writeHead(200);
          for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
          res.end();
          break;
        case '/hang':
          break; // never answers
        case '/gone':
          res.writeHead(404).end();
          break;
        default:
          res.writeHead(200, { etag: 'W/"abc"' }).end('<rss/>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const src = (p: string) => ({ feedUrl: `${base}${p}`, etag: null, lastModified: null });

  it('answers the body and its validators', async () => {
    expect(await fetchFeed(src('/feed.xml'), { maxBytes: 1000 })).toMatchObject({ kind: 'fetched', etag: 'W/"abc"', bytes: Buffer.from('<rss/>') });
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    await expect(fetchFeed(src('/big-declared'), { maxBytes: 4096 })).rejects.toThrow('5000 bytes');
    await expect(fetchFeed(src('/big-chunked'), { maxBytes: 4096 })).rejects.toThrow('over 4096 bytes');
  });

  it('gives up on a feed that does not answer in time', async () => {
    await expect(fetchFeed(src('/hang'), { maxBytes: 4096, timeoutMs: 200 })).rejects.toThrow('did not answer within 0.2 s');
  });

  it('names the HTTP status or the network error', async () => {
    await expect(fetchFeed(src('/gone'), { maxBytes: 4096 })).rejects.toThrow('HTTP 404');
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchFeed({ feedUrl: `http://127.0.0.1:${port}/feed`, etag: null, lastModified: null }, { maxBytes: 4096 })).rejects.toThrow('ECONNREFUSED');
  });

  it('names a polled body after the URL', () => {
    expect(feedFilename('https://afp.example/feeds/world.xml?x=1')).toBe('world.xml');
    expect(feedFilename('https://afp.example/')).toBe('feed');
  });
});
