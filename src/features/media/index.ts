export type { MediaAsset, ImageFormat, ImageMime, VariantFormat } from './media.js';
export { VARIANT_WIDTHS, VARIANT_FORMATS, MAX_UPLOAD_BYTES, MAX_PIXELS, srcsetWidths, variantPath } from './media.js';
export { createLocalMediaStore, isMediaKey, newMediaKey } from './media.store.js';
export type { MediaStore } from './media.store.js';
export { createMediaService } from './media.service.js';
export type { MediaService, MediaUpload, MediaPatch, MediaVariant } from './media.service.js';
export { registerMediaAdminRoutes, MediaAssetResponse, mediaResponse } from './media.api.js';
export { registerMediaFileRoutes, MEDIA_CACHE_CONTROL } from './media.files.js';
