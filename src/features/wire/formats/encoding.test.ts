import { describe, expect, it } from 'vitest';
import { decodeWireBytes } from './encoding.js';
import { WireRefusal } from './refusal.js';

describe('decodeWireBytes', () => {
  it('reads UTF-8 by default and strips a byte-order mark', () => {
    expect(decodeWireBytes(Buffer.from('\ufeffZürich'))).toEqual({ text: 'Zürich', encoding: 'utf-8' });
  });

  it('honours a declared windows-1252 / ISO-8859-1, including the 0x80–0x9F punctuation', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><p>'), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80]), Buffer.from('</p>')]);
    expect(decodeWireBytes(bytes).text).toContain('<p>“Café” €</p>');
  });

  it('takes the charset of the content type when the file declares none', () => {
    expect(decodeWireBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]), { contentType: 'text/plain; charset=ISO-8859-1' }).text).toBe('café');
  });

  it('refuses invalid UTF-8, UTF-16 without a byte-order mark and unknown encodings', () => {
    for (const [bytes, hint] of [
      [Buffer.from([0x63, 0xe9, 0x20]), undefined],
      [Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a/>'), undefined],
      [Buffer.from('<?xml version="1.0" encoding="EBCDIC-US"?><a/>'), undefined],
    ] as const) {
      expect(() => decodeWireBytes(bytes, hint)).toThrow(WireRefusal);
    }
  });
});
