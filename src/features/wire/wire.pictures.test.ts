import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAsset, MediaUpload } from '../media/index.js';
import { createPictureImporter, resolveInside } from './wire.pictures.js';

describe('wire pictures', () => {
  let root: string;
  let drop: string;
  let server: http.Server;
  let base: string;
  const uploads: MediaUpload[] = [];
  const media = {
    upload: (input: MediaUpload) => {
      uploads.push(input);
      return Promise.resolve({ id: uploads.length } as MediaAsset);
    },
  };
  const importer = (options = {}) => createPictureImporter({ media, fetchImpl: (url, init) => fetch(url, init), options });

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-wire-pics-'));
    drop = path.join(root, 'drop');
    await fs.mkdir(path.join(drop, 'photos'), { recursive: true });
    await fs.writeFile(path.join(drop, 'photos', 'a.jpg'), 'inside');
    await fs.writeFile(path.join(root, 'secret.txt'), 'outside');
    await fs.symlink(path.join(root, 'secret.txt'), path.join(drop, 'link.jpg'));
    server = http.createServer((req, res) => {
      if (req.url === '/ok.jpg') res.end('fetched');
      else if (req.url === '/big.jpg') res.end(Buffer.alloc(5000));
      else if (req.url === '/slow.jpg') setTimeout(() => res.end('late'), 2000);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await fs.rm(root, { recursive: true, force: true });
  });

  it('keeps relative paths inside the drop folder', () => {
    expect(resolveInside('/wire/drop', 'photos/a.jpg')).toBe(path.resolve('/wire/drop/photos/a.jpg'));
    for (const bad of ['../secret.txt', 'photos/../../secret.txt', '/etc/passwd', 'C:/x.jpg', '..%2Fsecret.txt', 'a\\..\\b.jpg', '', 'a\0.jpg']) {
      expect(resolveInside('/wire/drop', bad)).toBeNull();
    }
  });

  it('reads a picture beside the wire file, with caption and the agency credit', async () => {
    uploads.length = 0;
    const r = await importer().importAll([{ href: 'photos/a.jpg', caption: 'Rain in Kochi' }], { baseDir: drop, credit: 'AFP' });
    expect(r).toEqual({ ids: [1], failures: [] });
    expect(uploads[0]).toMatchObject({ caption: 'Rain in Kochi', credit: 'AFP', originalName: 'a.jpg' });
    expect(uploads[0]?.data.toString()).toBe('inside');
  });

  it('refuses paths and links that leave the drop folder, and other schemes, without failing the rest', async () => {
    uploads.length = 0;
    const r = await importer().importAll(
      [{ href: '../secret.txt' }, { href: '/etc/passwd' }, { href: 'link.jpg' }, { href: 'file:///etc/passwd' }, { href: 'photos/a.jpg' }],
      { baseDir: drop, credit: 'AFP' },
    );
    expect(r.ids).toEqual([1]);
    expect(r.failures.map((f) => f.href)).toEqual(['../secret.txt', '/etc/passwd', 'link.jpg', 'file:///etc/passwd']);
    expect(uploads.map((u) => u.data.toString())).toEqual(['inside']);
  });

  it('fetches over http with a size cap and a timeout', async () => {
    uploads.length = 0;
    const r = await importer({ maxBytes: 1000, timeoutMs: 300 }).importAll(
      [{ href: `${base}/ok.jpg` }, { href: `${base}/big.jpg` }, { href: `${base}/slow.jpg` }, { href: `${base}/missing.jpg` }],
      { credit: 'PTI' },
    );
    expect(r.ids).toEqual([1]);
    expect(uploads[0]?.data.toString()).toBe('fetched');
    expect(r.failures.map((f) => f.reason)).toEqual([expect.stringContaining('larger than 1000'), expect.stringContaining('no answer within 300 ms'), 'HTTP 404']);
  });
});
