/**
 * Where media files live. Local folder by default; an S3-compatible store
 * can implement the same interface for scaled installs. Keys are relative
 * paths such as "2026/11/3f9a2c81d0e4.jpg" and never come from user input.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

export interface MediaStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  stream(key: string): Readable | undefined;
  exists(key: string): Promise<boolean>;
  /** Size in bytes of a stored file, or undefined when there is none. */
  size(key: string): Promise<number | undefined>;
  remove(key: string): Promise<void>;
  /** Every key in the store (for export and housekeeping). */
  list(): AsyncIterable<string>;
}

const KEY_RE = /^[a-z0-9][a-z0-9/_.-]{0,198}$/;

export function isMediaKey(key: string): boolean {
  return KEY_RE.test(key) && !key.includes('..') && !key.includes('//');
}

/** A fresh storage key for a new file, sharded by year/month. */
export function newMediaKey(now: Date, extension: string): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${randomBytes(8).toString('hex')}.${extension}`;
}

export function createLocalMediaStore(root: string): MediaStore {
  const resolve = (key: string): string => {
    if (!isMediaKey(key)) throw new Error(`invalid media key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      // Write then rename so a reader never sees half a file.
      const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await fsp.writeFile(tmp, data);
      await fsp.rename(tmp, file);
    },
    async get(key) {
      try {
        return await fsp.readFile(resolve(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    stream(key) {
      const file = resolve(key);
      return fs.existsSync(file) ? fs.createReadStream(file) : undefined;
    },
    async exists(key) {
      try {
        await fsp.access(resolve(key));
        return true;
      } catch {
        return false;
      }
    },
    async size(key) {
      try {
        const stat = await fsp.stat(resolve(key));
        return stat.isFile() ? stat.size : undefined;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async remove(key) {
      await fsp.rm(resolve(key), { force: true });
    },
    async *list() {
      const walk = async function* (dir: string, prefix: string): AsyncGenerator<string> {
        let entries: fs.Dirent[];
        try {
          entries = await fsp.readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          if (e.name.endsWith('.tmp')) continue;
          const rel = prefix ? `${prefix}/${e.name}` : e.name;
          if (e.isDirectory()) yield* walk(path.join(dir, e.name), rel);
          else if (e.isFile() && isMediaKey(rel)) yield rel;
        }
      };
      yield* walk(root, '');
    },
  };
}
