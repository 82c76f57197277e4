/** Images made on the fly for media tests: no binary fixtures in the repository. */
import sharp from 'sharp';
import type { ImageFormat } from './media.js';

export const RED = { r: 200, g: 30, b: 30 };

/** A solid-colour image of the given format and size. */
export async function makeImage(format: ImageFormat, width = 64, height = 48): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: RED } });
  return img.toFormat(format).toBuffer();
}

/** Noise survives compression, so a truncated copy really is missing image data. */
export async function makeNoisyJpeg(width = 300, height = 200): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg().toBuffer();
}

export async function makeAnimatedGif(frames = 3, width = 60, height = 40): Promise<Buffer> {
  const pages = await Promise.all(
    Array.from({ length: frames }, (_, i) =>
      sharp({ create: { width, height, channels: 3, background: { r: 60 * i, g: 100, b: 0 } } }).png().toBuffer(),
    ),
  );
  return sharp(pages, { join: { animated: true } }).gif().toBuffer();
}

export function xmpPacket(fields: { description?: string; creator?: string; credit?: string; alt?: string }): string {
  const alt = (name: string, v: string | undefined) =>
    v === undefined ? '' : `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${v}</rdf:li></rdf:Alt></${name}>`;
  return (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
    `xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"${fields.credit === undefined ? '' : ` photoshop:Credit="${fields.credit}"`}>` +
    alt('dc:description', fields.description) +
    (fields.creator === undefined ? '' : `<dc:creator><rdf:Seq><rdf:li>${fields.creator}</rdf:li></rdf:Seq></dc:creator>`) +
    alt('Iptc4xmpCore:AltTextAccessibility', fields.alt) +
    '</rdf:Description></rdf:RDF></x:xmpmeta>'
  );
}

/** IPTC IIM datasets (record 2) as bytes, UTF-8 declared in 1:90. */
export function iimBytes(datasets: Record<number, string>): Buffer {
  const parts = [Buffer.from([0x1c, 1, 90, 0, 3, 0x1b, 0x25, 0x47])];
  for (const [dataset, text] of Object.entries(datasets)) {
    const data = Buffer.from(text, 'utf8');
    parts.push(Buffer.from([0x1c, 2, Number(dataset), data.length >> 8, data.length & 0xff]), data);
  }
  return Buffer.concat(parts);
}

/** Puts IIM into a JPEG the way Photoshop does: an APP13 segment holding an 8BIM 0x0404 resource. */
export function withIptc(jpeg: Buffer, datasets: Record<number, string>): Buffer {
  const iim = iimBytes(datasets);
  const padded = iim.length % 2 ? Buffer.concat([iim, Buffer.from([0])]) : iim;
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), size, padded]);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const header = Buffer.from([0xff, 0xed, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** Does this EXIF block point to a GPS directory (tag 0x8825)? */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const littleEndian = exif.includes(Buffer.from('II*\0', 'latin1'));
  return exif.includes(Buffer.from(littleEndian ? [0x25, 0x88] : [0x88, 0x25]));
}
