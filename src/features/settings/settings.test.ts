import { describe, expect, it } from 'vitest';
import { canonicalLocale, isTimeZone, defaultSettings, isSiteRelative, readStoredSettings, settingsProblem } from './settings.js';

describe('publication settings rules', () => {
  it('starts with the six utility links of the paper', () => {
    expect(defaultSettings().utilityLinks.map((l) => l.href)).toEqual(['/subscribe', '/about', '/code-of-ethics', '/app', '/advertise', '/classifieds']);
    expect(settingsProblem(defaultSettings())).toBeNull();
  });

  it('knows real IANA time zones and language tags', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(canonicalLocale('hi-in')).toBe('hi-IN');
    expect(canonicalLocale('english please')).toBeNull();
  });

  it('treats only same-site paths as site-relative', () => {
    expect(isSiteRelative('/about')).toBe(true);
    expect(isSiteRelative('//evil.example')).toBe(false);
    expect(isSiteRelative('/\\evil.example')).toBe(false);
    expect(isSiteRelative('about')).toBe(false);
  });

  it('names the utility link at fault', () => {
    const s = defaultSettings();
    s.utilityLinks[2] = { label: 'Ethics', href: 'javascript:alert(1)' };
    expect(settingsProblem(s)).toMatchObject({ field: 'utilityLinks.2.href', code: 'SETTINGS_LINK_HREF_INVALID' });
  });

  it('reads a damaged stored document field by field, falling back to defaults', () => {
    expect(readStoredSettings(undefined)).toEqual(defaultSettings());
    expect(readStoredSettings('not json')).toEqual(defaultSettings());
    const read = readStoredSettings(JSON.stringify({ name: 'The Evening Star', timeZone: 'Nowhere/Land', social: { x: 'http://x.com/a' } }));
    expect(read).toMatchObject({ name: 'The Evening Star', timeZone: 'Asia/Kolkata', social: {} });
  });
});
