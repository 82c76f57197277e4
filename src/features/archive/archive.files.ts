/** Small streaming file helpers shared by export and import: nothing here holds a whole table in memory. */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A text file written line by line with back-pressure, hashed as it goes. */
export interface LineWriter {
  write(line: string): Promise<void>;
  /** Closes the file and returns its sha256 (hex) and size. */
  close(): Promise<{ sha256: string; bytes: number }>;
}

export async function openLineWriter(file: string): Promise<LineWriter> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    async write(line) {
      const chunk = Buffer.from(`${line}\n`, 'utf8');
      hash.update(chunk);
      bytes += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async close() {
      out.end();
      await once(out, 'finish');
      return { sha256: hash.digest('hex'), bytes };
    },
  };
}

/** Copies a stream into a file, returning the file's sha256 and size. */
export async function saveStream(source: Readable | AsyncIterable<Buffer>, file: string): Promise<{ sha256: string; bytes: number }> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    fs.createWriteStream(file),
  );
  return { sha256: hash.digest('hex'), bytes };
}

/** The lines of a text file, one at a time, with their 1-based line numbers. */
export async function* readLines(file: string): AsyncGenerator<{ line: string; n: number }> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n += 1;
    yield { line, n };
  }
}
