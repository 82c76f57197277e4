/**
 * Image work with sharp: confirm an upload really is the image its bytes
 * claim, orient it, and re-encode it without metadata; render resized
 * variants. Throws coded AppErrors for what the uploader must fix.
 */
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { AppError } from '../../lib/errors.js';
import { readEmbeddedText, type EmbeddedText } from './media.metadata.js';
import { MAX_PIXELS, MAX_UPLOAD_BYTES, sniffImageFormat, type ImageFormat, type VariantFormat } from './media.js';

export interface CleanImage {
  data: Buffer;
  format: ImageFormat;
  width: number;
  height: number;
  embedded: EmbeddedText;
}

const UNSUPPORTED_MESSAGE = 'This file is not a JPEG, PNG, WebP, AVIF or GIF image.';

export const unsupportedImage = (detail?: string): AppError =>
  new AppError('unsupported', 'MEDIA_UNSUPPORTED', detail ? `${UNSUPPORTED_MESSAGE} ${detail}` : UNSUPPORTED_MESSAGE, 'file');

export const tooLarge = (): AppError =>
  new AppError('too_large', 'MEDIA_TOO_LARGE', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, 'file');

/** sharp's own pixel guard is off: we check our limit ourselves, across frames, with a clear message. */
const decodeOptions = (animated: boolean) => ({ failOn: 'error' as const, limitInputPixels: false as const, animated });

/** Checks, orients and cleans an upload. Nothing of the original's metadata survives except what we chose to read. */
export async function cleanUpload(data: Buffer): Promise<CleanImage> {
  if (data.length > MAX_UPLOAD_BYTES) throw tooLarge();
  const format = sniffImageFormat(data);
  if (!format) throw unsupportedImage();

  let meta: Metadata;
  try {
    meta = await sharp(data, decodeOptions(true)).metadata();
  } catch {
    throw unsupportedImage('It could not be read.');
  }
  if (!confirms(format, meta)) throw unsupportedImage('Its contents do not match its format.');
  const frameWidth = meta.width;
  const frameHeight = meta.pageHeight ?? meta.height;
  const pages = meta.pages ?? 1;
  if (frameWidth * frameHeight * pages > MAX_PIXELS) {
    throw new AppError(
      'unprocessable',
      'MEDIA_TOO_MANY_PIXELS',
      `This image is ${frameWidth} × ${frameHeight} pixels${pages > 1 ? ` in ${pages} frames` : ''}; the limit is ${MAX_PIXELS / 1_000_000} megapixels.`,
      'file',
    );
  }

  const animated = pages > 1 && (format === 'gif' || format === 'webp');
  let cleaned: { data: Buffer; info: OutputInfo };
  try {
    // Without withMetadata/keepMetadata sharp writes no EXIF, XMP, IPTC or ICC: GPS and camera data are gone.
    const pipeline = sharp(data, decodeOptions(animated));
    if (!animated) pipeline.autoOrient();
    cleaned = await encodeAs(pipeline, format, animated).toBuffer({ resolveWithObject: true });
  } catch {
    throw unsupportedImage('It is damaged or incomplete.');
  }
  const width = cleaned.info.width;
  const height = animated ? (cleaned.info.pageHeight ?? frameHeight) : cleaned.info.height;
  return { data: cleaned.data, format, width, height, embedded: readEmbeddedText({ xmp: meta.xmp, iptc: meta.iptc }) };
}

/** sharp must agree with the signature; AVIF is read by libheif, so check the codec too (a HEIC is not accepted). */
function confirms(format: ImageFormat, meta: Metadata): boolean {
  if (format === 'avif') return meta.format === 'heif' && meta.compression === 'av1';
  return meta.format === format;
}

function encodeAs(pipeline: Sharp, format: ImageFormat | VariantFormat, animated: boolean): Sharp {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 88, mozjpeg: true });
    case 'png':
      return pipeline.png({ compressionLevel: 8 });
    case 'webp':
      return pipeline.webp({ quality: 88, ...(animated ? { loop: 0 } : {}) });
    case 'avif':
      return pipeline.avif({ quality: 62, effort: 4 });
    case 'gif':
      return pipeline.gif();
  }
}

/**
 * A resized copy of a stored original. Still formats take the first frame
 * of an animated GIF; WebP keeps the animation.
 */
export async function renderVariant(
  original: Buffer,
  size: { width: number; height: number },
  format: VariantFormat,
): Promise<Buffer> {
  const probe = await sharp(original, decodeOptions(false)).metadata();
  const animated = format === 'webp' && (probe.pages ?? 1) > 1;
  const pipeline = sharp(original, decodeOptions(animated)).resize({
    width: size.width,
    height: size.height,
    // The height is computed from the aspect ratio, so "fill" differs from "inside" by at most a pixel — and makes sizes exact.
    fit: 'fill',
    withoutEnlargement: true,
  });
  // JPEG has no alpha: flatten transparent PNG/GIF/WebP onto white instead of black.
  if (format === 'jpeg') pipeline.flatten({ background: '#ffffff' });
  const quality = format === 'avif' ? { quality: 55, effort: 4 } : { quality: 80 };
  if (format === 'jpeg') return pipeline.jpeg({ ...quality, mozjpeg: true }).toBuffer();
  if (format === 'avif') return pipeline.avif(quality).toBuffer();
  return pipeline.webp({ ...quality, ...(animated ? { loop: 0 } : {}) }).toBuffer();
}

/** An aspect-ratio crop: cut the window, then resize it. Always a still image (the first frame of an animation). */
export async function renderCrop(
  original: Buffer,
  window: { left: number; top: number; width: number; height: number },
  size: { width: number; height: number },
  format: VariantFormat,
): Promise<Buffer> {
  const pipeline = sharp(original, decodeOptions(false))
    .extract(window)
    // The window already has the target shape, so "fill" changes it by at most a pixel of rounding.
    .resize({ width: size.width, height: size.height, fit: 'fill' });
  if (format === 'jpeg') pipeline.flatten({ background: '#ffffff' });
  const quality = format === 'avif' ? { quality: 55, effort: 4 } : { quality: 80 };
  if (format === 'jpeg') return pipeline.jpeg({ ...quality, mozjpeg: true }).toBuffer();
  if (format === 'avif') return pipeline.avif(quality).toBuffer();
  return pipeline.webp(quality).toBuffer();
}
