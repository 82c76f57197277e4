export type { MediaAsset, ImageFormat, ImageMime, VariantFormat } from './media.js';
export { VARIANT_WIDTHS, VARIANT_FORMATS, MAX_UPLOAD_BYTES, FORMAT_INFO, MAX_PIXELS, srcsetWidths, variantPath } from './media.js';
export { createLocalMediaStore, isMediaKey, newMediaKey } from './media.store.js';
export type { MediaStore } from './media.store.js';
export { createMediaService } from './media.service.js';
// For other features that take images checked exactly like newsroom uploads (ad creatives).
export { cleanUpload } from './media.image.js';
export type { CleanImage } from './media.image.js';
export type { MediaService, MediaUpload, MediaPatch, MediaVariant, MediaCrop } from './media.service.js';
export { CROP_RATIOS, cropPath, cropSize, cropRect, isCropRatio } from './media.crop.js';
export type { CropRatio, CropRect } from './media.crop.js';
export { registerMediaAdminRoutes, MediaAssetResponse, mediaResponse } from './media.api.js';
export { registerMediaFileRoutes, MEDIA_CACHE_CONTROL, CROP_CACHE_CONTROL } from './media.files.js';
