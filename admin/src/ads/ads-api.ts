/**
 * An image creative's bytes go as the request body (like the media library's
 * upload, POST /api/admin/ads/campaigns/:id/creatives/image), its details in
 * the query string.
 */
import { query, uploadFile } from '../api.js';
import { ADS_BASE, type AdCreative } from './ads.js';

export interface ImageCreativeMeta {
  name: string;
  size: string;
  clickUrl: string;
  altText: string;
}

export function uploadImageCreative(campaignId: number, file: File, meta: ImageCreativeMeta): Promise<AdCreative> {
  const q = query({ name: meta.name, size: meta.size, clickUrl: meta.clickUrl, alt: meta.altText });
  return uploadFile<AdCreative>(`${ADS_BASE}/campaigns/${campaignId}/creatives/image${q}`, file);
}
