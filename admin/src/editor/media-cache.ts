/** Media-library URLs by id, fetched once per editing session (body figures and the featured image share it). */
import { api, type MediaAsset } from '../api.js';

export interface MediaCache {
  url: (id: number) => Promise<string | null>;
  remember: (asset: Pick<MediaAsset, 'id' | 'url'>) => void;
}

export function createMediaCache(): MediaCache {
  const known = new Map<number, Promise<string | null>>();
  return {
    url(id) {
      let found = known.get(id);
      if (!found) {
        // A deleted image is simply not shown; the figure says so.
        found = api<MediaAsset>('GET', `/admin/media/${id}`).then(
          (a) => a.url,
          () => null,
        );
        known.set(id, found);
      }
      return found;
    },
    remember(asset) {
      known.set(asset.id, Promise.resolve(asset.url));
    },
  };
}
