import { describe, expect, it } from 'vitest';
import {
  cleanOriginalName,
  containsPattern,
  decodeCursor,
  effectiveVariantWidth,
  encodeCursor,
  sniffImageFormat,
  srcsetWidths,
  variantHeight,
  variantKey,
  variantPath,
} from './media.js';
import { readEmbeddedText, readIptc, readXmpProperty } from './media.metadata.js';
import { iimBytes, makeImage, xmpPacket } from './media.test-images.js';

describe('media rules', () => {
  it('recognises each accepted format by its first bytes', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      expect(sniffImageFormat(await makeImage(format))).toBe(format);
    }
  });

  it('does not recognise text, an empty file or a lone RIFF header', () => {
    expect(sniffImageFormat(Buffer.from('hello, I am a .jpg'))).toBeUndefined();
    expect(sniffImageFormat(Buffer.alloc(0))).toBeUndefined();
    expect(sniffImageFormat(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
  });

  it('never makes a variant wider than the original', () => {
    expect(effectiveVariantWidth({ width: 1000 }, 640)).toBe(640);
    expect(effectiveVariantWidth({ width: 500 }, 640)).toBe(500);
    expect(variantHeight({ width: 1000, height: 667 }, 320)).toBe(213);
  });

  it('offers srcset widths up to the first one that covers the original', () => {
    expect(srcsetWidths({ width: 700 })).toEqual([320, 480, 640, 800]);
    expect(srcsetWidths({ width: 200 })).toEqual([320]);
    expect(srcsetWidths({ width: 5000 })).toEqual([320, 480, 640, 800, 1024, 1280, 1600, 2048]);
  });

  it('keys and paths variants by the original key', () => {
    expect(variantKey('2026/11/abcd.jpg', 640, 'webp')).toBe('variants/2026/11/abcd-640.webp');
    expect(variantPath('2026/11/abcd.jpg', 640, 'webp')).toBe('/media/v/640/webp/2026/11/abcd.jpg');
  });

  it('escapes LIKE wildcards in search text', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('round-trips a page cursor and refuses a forged one', () => {
    const c = { createdAt: '2026-01-02T03:04:05.678Z', id: 42 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor('not-a-cursor')).toBeUndefined();
  });

  it('keeps only the base name of an uploaded file name', () => {
    expect(cleanOriginalName('C:\\Users\\me\\photo\u0007.jpg')).toBe('photo.jpg');
    expect(cleanOriginalName(undefined)).toBe('');
  });
});

describe('embedded captions', () => {
  it('reads IPTC caption, credit and byline', () => {
    const iim = readIptc(iimBytes({ 120: 'Floods in Assam', 110: 'Reuters', 80: 'Jane Doe' }));
    expect(iim.get(120)).toEqual(['Floods in Assam']);
    expect(readEmbeddedText({ iptc: iimBytes({ 120: 'Floods in Assam', 110: 'Reuters', 80: 'Jane Doe' }) })).toEqual({
      caption: 'Floods in Assam',
      credit: 'Jane Doe / Reuters',
    });
  });

  it('stops at a truncated IPTC dataset instead of reading past the end', () => {
    const bytes = iimBytes({ 120: 'A caption that will be cut' }).subarray(0, 20);
    expect(readIptc(bytes).get(120)).toBeUndefined();
  });

  it('reads XMP descriptions, credits as attributes, and alt text, decoding entities', () => {
    const xmp = xmpPacket({ description: 'Rain &amp; wind', credit: 'AFP', creator: 'Ana Ruiz', alt: 'A flooded street' });
    expect(readXmpProperty(xmp, 'dc:description')).toBe('Rain & wind');
    expect(readEmbeddedText({ xmp: Buffer.from(xmp) })).toEqual({ caption: 'Rain & wind', credit: 'Ana Ruiz / AFP', altText: 'A flooded street' });
  });

  it('prefers XMP over IPTC when both are present', () => {
    const text = readEmbeddedText({ xmp: Buffer.from(xmpPacket({ description: 'From XMP' })), iptc: iimBytes({ 120: 'From IPTC' }) });
    expect(text.caption).toBe('From XMP');
  });
});
