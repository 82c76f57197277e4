import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.js';
import { focalFromPoint, humanSize, uploadProblem, variantUrl } from './library.js';

describe('media library helpers', () => {
  it('builds variant URLs from the storage key', () => {
    expect(variantUrl({ url: '/media/2026/11/3f9a2c81d0e4a7b6.jpg', storageKey: '2026/11/3f9a2c81d0e4a7b6.jpg' }, 320)).toBe('/media/v/320/webp/2026/11/3f9a2c81d0e4a7b6.jpg');
    expect(variantUrl({ url: '/media/2026/11/ab.png' }, 800, 'jpeg')).toBe('/media/v/800/jpeg/2026/11/ab.png');
  });

  it("names the file in each upload problem, in the API's words", () => {
    expect(uploadProblem('huge.jpg', new ApiError(413, 'MEDIA_TOO_LARGE', 'Images may be at most 25 MB.', 'file', undefined))).toBe('huge.jpg: Images may be at most 25 MB.');
  });

  it('sets the focal point where the picture was clicked, kept inside it', () => {
    const rect = { left: 100, top: 50, width: 400, height: 200 };
    expect(focalFromPoint(rect, 300, 100)).toEqual({ focalX: 0.5, focalY: 0.25 });
    expect(focalFromPoint(rect, 50, 400)).toEqual({ focalX: 0, focalY: 1 });
  });

  it('writes sizes for people', () => {
    expect(humanSize(900)).toBe('900 B');
    expect(humanSize(250 * 1024)).toBe('250 KB');
    expect(humanSize(3.2 * 1024 * 1024)).toBe('3.2 MB');
  });
});
