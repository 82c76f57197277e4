import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pushFilename, signWireBody, signatureMatches } from './wire.push.js';

describe('push signatures', () => {
  const body = Buffer.from('{"uri":"urn:x","headline":"Hi"}');
  const secret = 'top-secret';

  it('accepts the sha256= HMAC of exactly the body, in either hex case', () => {
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(signWireBody(secret, body)).toBe(`sha256=${hex}`);
    expect(signatureMatches(secret, body, `sha256=${hex}`)).toBe(true);
    expect(signatureMatches(secret, body, `sha256=${hex.toUpperCase()}`)).toBe(true);
  });

  it('refuses another body, another secret, a malformed or missing header, and a source without a secret', () => {
    const good = signWireBody(secret, body);
    expect(signatureMatches(secret, Buffer.concat([body, Buffer.from(' ')]), good)).toBe(false);
    expect(signatureMatches('other', body, good)).toBe(false);
    expect(signatureMatches(secret, body, good.replace('sha256=', 'sha1='))).toBe(false);
    expect(signatureMatches(secret, body, good.slice(0, -2))).toBe(false);
    expect(signatureMatches(secret, body, undefined)).toBe(false);
    expect(signatureMatches(secret, body, [good, good])).toBe(false);
    expect(signatureMatches(null, body, good)).toBe(false);
  });

  it('names a pushed file by the sender’s base name or by the time and content type', () => {
    const now = new Date('2026-11-29T10:11:12.345Z');
    expect(pushFilename('../../etc/passwd', 'application/xml', now)).toBe('passwd');
    expect(pushFilename('C:\\agency\\story 1.xml', undefined, now)).toBe('story 1.xml');
    expect(pushFilename(undefined, 'application/vnd.iptc.ninjs+json', now)).toBe('push-2026-11-29T10-11-12-345Z.json');
    expect(pushFilename('..', 'text/plain; charset=utf-8', now)).toBe('push-2026-11-29T10-11-12-345Z.txt');
  });
});
