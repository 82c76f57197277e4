/**
 * Fuzz: seeded random mutations of every valid fixture. parseWireFile must
 * return items (which normalise without error) or throw WireRefusal; any other
 * exception fails the test with the seed, case number and mutations to replay.
 */
import { describe, expect, it } from 'vitest';
import { wireFixture, wireFixtureNames } from '../fixtures/index.js';
import { normaliseWireItem } from '../wire.normalise.js';
import { parseWireFile, WireRefusal } from './index.js';

const SEED = 0x5eed_2026;
const CASES = 10_000;

/** mulberry32: a tiny, good-enough seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (bytes: Buffer, rnd: () => number) => Buffer;
const int = (rnd: () => number, n: number): number => Math.floor(rnd() * n);
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[int(rnd, list.length)] as T;

function insertAt(bytes: Buffer, at: number, piece: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

const TOKENS = ['<!DOCTYPE x [<!ENTITY a "b">]>', '<!DOCTYPE html>', '<!ENTITY e SYSTEM "file:///etc/passwd">', '&', '&e;', '&amp', '&#0;', '&#x110000;', ']]>', '<![CDATA[', '<', '>', '"', "'", '</', '<?xml version="1.0"?>', '<newsItem>', '</newsItem>', '<inlineXML contenttype="application/nitf+xml">', '{', '}', '[', ']', ',', ':', '"\\u0000"', '\\', 'null', '-1e999', '\u0001', '\u0002', '\u0003', '\u0004', 'KILL', '(AFP) –', 'PTI ABC', ' (Reuters) - '];
const INVALID_UTF8 = [[0xc3], [0xff], [0xfe, 0xff], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xef, 0xbb, 0xbf]];

const MUTATIONS: Record<string, Mutation> = {
  flip: (b, r) => {
    if (b.length === 0) return b;
    const out = Buffer.from(b);
    for (let i = 0; i < 1 + int(r, 8); i += 1) { const at = int(r, out.length); out[at] = (out[at] ?? 0) ^ (1 << int(r, 8)); }
    return out;
  },
  truncate: (b, r) => b.subarray(0, int(r, b.length + 1)),
  chop: (b, r) => { const at = int(r, b.length + 1); return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(r, 200)))]); },
  duplicate: (b, r) => { const from = int(r, b.length + 1); const slice = b.subarray(from, from + int(r, 400)); return insertAt(b, int(r, b.length + 1), Buffer.concat(Array.from({ length: 1 + int(r, 4) }, () => slice))); },
  token: (b, r) => insertAt(b, int(r, b.length + 1), Buffer.from(pick(r, TOKENS))),
  nest: (b, r) => { const depth = 50 + int(r, 600); const open = pick(r, ['<a>', '[', '{"a":', '<p>']); const close = { '<a>': '</a>', '[': ']', '{"a":': '}', '<p>': '</p>' }[open] ?? ''; const at = int(r, b.length + 1); return Buffer.concat([b.subarray(0, at), Buffer.from(open.repeat(depth) + (r() < 0.5 ? close.repeat(depth) : '')), b.subarray(at)]); },
  hugeAttribute: (b, r) => { const at = b.indexOf('<', int(r, b.length)); const tagEnd = at < 0 ? -1 : b.indexOf(' ', at); return tagEnd < 0 ? b : insertAt(b, tagEnd, Buffer.from(` x${int(r, 99)}="${'A'.repeat(10_000 + int(r, 200_000))}" `)); },
  hugeText: (b, r) => insertAt(b, int(r, b.length + 1), Buffer.from(pick(r, ['word ', 'x', '\n\n', '<br/>', '(AFP) ', ' ']).repeat(1000 + int(r, 50_000)))),
  invalidUtf8: (b, r) => insertAt(b, int(r, b.length + 1), Buffer.from(pick(r, INVALID_UTF8))),
  control: (b, r) => insertAt(b, int(r, b.length + 1), Buffer.from([int(r, 32)])),
  encodingLie: (b, r) => Buffer.from(b.toString('utf8').replace(/encoding="[^"]*"/, `encoding="${pick(r, ['ISO-8859-1', 'windows-1252', 'UTF-16', 'ebcdic', 'utf8'])}"`)),
  jsonTypes: (b, r) => {
    let data: unknown;
    try { data = JSON.parse(b.toString('utf8')); } catch { return b; }
    const values: unknown[] = [null, true, 0, -1, 1e308, 3.5, '', 'x'.repeat(int(r, 5000)), [], {}, [[[]]], { value: 1 }, ['a', 1, null], { href: '../../etc/passwd' }, '2025-13-45T99:99:99Z'];
    const confuse = (node: unknown, depth: number): unknown => {
      if (depth > 20 || node === null || typeof node !== 'object') return node;
      if (Array.isArray(node)) return node.map((v) => (r() < 0.15 ? pick(r, values) : confuse(v, depth + 1)));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = r() < 0.2 ? pick(r, values) : confuse(v, depth + 1);
      return out;
    };
    return Buffer.from(JSON.stringify(confuse(data, 0)));
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

describe('wire parsers under fuzzing', () => {
  it(`answers ${CASES} mutated fixtures with items or a WireRefusal, never another exception`, () => {
    const names = [...['ninjs', 'newsml', 'iptc', '7901', 'feeds'].flatMap((f) => wireFixtureNames(f)), 'hostile/script-body.xml', 'hostile/script-body.json', 'hostile/latin1-declared.xml'];
    const seeds = names.map((name) => ({ name, bytes: wireFixture(name) }));
    const rnd = prng(SEED);
    const failures: string[] = [];
    const outcomes = { items: 0, refused: 0 };
    for (let n = 0; n < CASES && failures.length < 5; n += 1) {
      const seed = pick(rnd, seeds);
      const applied: string[] = [];
      let bytes = seed.bytes;
      for (let m = 0; m < 1 + int(rnd, 3); m += 1) {
        const name = pick(rnd, MUTATION_NAMES);
        applied.push(name);
        bytes = (MUTATIONS[name] as Mutation)(bytes, rnd);
      }
      try {
        const items = parseWireFile(bytes, { maxBytes: 2 * 1024 * 1024 });
        for (const item of items) normaliseWireItem(item, { agency: 'Fuzz', credit: 'Fuzz' });
        outcomes.items += 1;
      } catch (err) {
        if (err instanceof WireRefusal) outcomes.refused += 1;
        else failures.push(`seed ${SEED} case ${n}: ${seed.name} + [${applied.join(', ')}] → ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      }
    }
    expect(failures).toEqual([]);
    // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
    expect(outcomes.items).toBeGreaterThan(CASES / 10);
    expect(outcomes.refused).toBeGreaterThan(CASES / 10);
  }, 120_000);
});
