import { describe, it, expect } from 'vitest';
import { parseEmbedUrl, safeImageSrc, safeLinkHref } from './body.urls.js';

describe('safeLinkHref', () => {
  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.com/Path', 'https://example.com/Path'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['MAILTO:desk@example.com', 'mailto:desk@example.com'],
    ['tel:+44 20 7946 0000', 'tel:+44 20 7946 0000'],
    ['/news/2024/story', '/news/2024/story'],
    ['/search?q=a b', '/search?q=a%20b'],
    ['#comments', '#comments'],
  ])('allows %j', (input, expected) => {
    expect(safeLinkHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/',
    '//evil.example/',
    '/\\evil.example/',
    '/\t/evil.example/',
    '\\\\evil.example',
    'relative/path',
    '?q=1',
    '&#106;avascript:alert(1)',
    'https://bank.example@evil.example/',
    'https://',
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(safeLinkHref(input)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    expect(safeLinkHref(42)).toBeNull();
    expect(safeLinkHref(undefined)).toBeNull();
    expect(safeLinkHref({ toString: () => 'https://example.com' })).toBeNull();
  });

  it('refuses URLs longer than 2,048 characters', () => {
    expect(safeLinkHref(`https://example.com/${'a'.repeat(2048)}`)).toBeNull();
  });
});

describe('safeImageSrc', () => {
  it.each([
    ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/a.jpg'],
    ['http://cdn.example.com/a.jpg', 'http://cdn.example.com/a.jpg'],
    ['/media/1/a.jpg', '/media/1/a.jpg'],
  ])('allows %j', (input, expected) => {
    expect(safeImageSrc(input)).toBe(expected);
  });

  it.each([
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'javascript:alert(1)',
    'mailto:a@example.com',
    '#x',
    '//cdn.example.com/a.jpg',
    'a.jpg',
    'blob:https://example.com/1',
  ])('refuses %j', (input) => {
    expect(safeImageSrc(input)).toBeNull();
  });
});

describe('parseEmbedUrl', () => {
  const id = 'dQw4w9WgXcQ';
  const youtube = { provider: 'youtube', id, url: `https://www.youtube.com/watch?v=${id}` };

  it.each([
    `https://www.youtube.com/watch?v=${id}`,
    `https://youtube.com/watch?v=${id}&t=42s`,
    `https://m.youtube.com/watch?v=${id}`,
    `http://www.youtube.com/watch?feature=share&v=${id}`,
    `https://youtu.be/${id}`,
    `https://youtu.be/${id}?si=abc`,
    `https://www.youtube.com/shorts/${id}`,
    `https://www.youtube.com/embed/${id}`,
    `https://www.youtube-nocookie.com/embed/${id}?rel=0`,
    `  HTTPS://WWW.YOUTUBE.COM/watch?v=${id}  `,
  ])('recognises the YouTube URL %s', (url) => {
    expect(parseEmbedUrl(url)).toEqual(youtube);
  });

  it.each([
    ['https://x.com/reuters/status/1234567890123', 'https://x.com/reuters/status/1234567890123', '1234567890123'],
    ['https://twitter.com/reuters/status/42?s=20', 'https://x.com/reuters/status/42', '42'],
    ['https://mobile.twitter.com/reuters/status/42/photo/1', 'https://x.com/reuters/status/42', '42'],
  ])('recognises the X post %s', (url, canonical, postId) => {
    expect(parseEmbedUrl(url)).toEqual({ provider: 'x', url: canonical, id: postId });
  });

  it.each([
    ['https://www.instagram.com/p/CxYz_12-ab/', 'https://www.instagram.com/p/CxYz_12-ab/', 'CxYz_12-ab'],
    ['https://instagram.com/reel/Abc123?igsh=1', 'https://www.instagram.com/reel/Abc123/', 'Abc123'],
  ])('recognises the Instagram post %s', (url, canonical, postId) => {
    expect(parseEmbedUrl(url)).toEqual({ provider: 'instagram', url: canonical, id: postId });
  });

  it.each([
    ['https://www.facebook.com/cityhall/posts/pfbid02abc', 'https://www.facebook.com/cityhall/posts/pfbid02abc', 'pfbid02abc'],
    ['https://m.facebook.com/cityhall/videos/123456/', 'https://www.facebook.com/cityhall/videos/123456', '123456'],
    ['https://fb.watch/aBc-12/', 'https://fb.watch/aBc-12/', 'aBc-12'],
  ])('recognises the Facebook post %s', (url, canonical, postId) => {
    expect(parseEmbedUrl(url)).toEqual({ provider: 'facebook', url: canonical, id: postId });
  });

  it.each([
    'javascript:alert(1)',
    `javascript://www.youtube.com/watch?v=${id}`,
    `ftp://www.youtube.com/watch?v=${id}`,
    `https://evil-youtube.com/watch?v=${id}`,
    `https://youtube.com.evil.example/watch?v=${id}`,
    `https://music.youtube.com/watch?v=${id}`,
    `https://www.youtube.com:8443/watch?v=${id}`,
    `https://user@www.youtube.com/watch?v=${id}`,
    'https://www.youtube.com/watch?v=short',
    `https://www.youtube.com/watch?v=${id}"><script>`,
    `https://www.youtube.com/playlist?list=${id}`,
    `https://youtu.be/${id}/extra`,
    'https://x.com/reuters',
    'https://x.com/reuters/status/12ab',
    'https://x.com/i/lists/123',
    'https://www.instagram.com/reuters/',
    'https://www.facebook.com/posts/123',
    'https://www.facebook.com/cityhall/about',
    'https://www.facebook.com/cityhall/posts/<script>',
    'https://www.tiktok.com/@a/video/1',
    '/watch?v=dQw4w9WgXcQ',
    '',
  ])('refuses %j', (url) => {
    expect(parseEmbedUrl(url)).toBeNull();
  });
});
