import { describe, expect, it } from 'vitest';
import { publicBase, type PublicBaseInput } from './public-url.js';

const request = (over: Partial<PublicBaseInput> = {}): PublicBaseInput => ({
  publicUrl: null,
  trustProxy: false,
  requestUrl: 'http://10.0.0.5:8080/retell/functions',
  host: '10.0.0.5:8080',
  forwardedProto: undefined,
  forwardedHost: undefined,
  ...over,
});

describe('the public base URL', () => {
  it('is PUBLIC_URL when set, whatever the request says', () => {
    expect(publicBase(request({ publicUrl: 'https://termin.example.de', host: 'evil.example', forwardedHost: 'evil.example', trustProxy: true }))).toBe(
      'https://termin.example.de',
    );
  });

  it('is the request’s scheme and Host without PUBLIC_URL', () => {
    expect(publicBase(request())).toBe('http://10.0.0.5:8080');
    expect(publicBase(request({ host: 'Salon.Example.de' }))).toBe('http://salon.example.de');
    expect(publicBase(request({ host: '[2001:db8::1]:8080' }))).toBe('http://[2001:db8::1]:8080');
  });

  it('takes X-Forwarded-Proto and X-Forwarded-Host only behind a trusted proxy, the last entry', () => {
    const forwarded = { forwardedProto: 'https', forwardedHost: 'termin.example.de' };
    expect(publicBase(request(forwarded))).toBe('http://10.0.0.5:8080');
    expect(publicBase(request({ ...forwarded, trustProxy: true }))).toBe('https://termin.example.de');
    expect(publicBase(request({ trustProxy: true, forwardedProto: 'gopher, https', forwardedHost: 'spoofed.example, termin.example.de' }))).toBe(
      'https://termin.example.de',
    );
    expect(publicBase(request({ trustProxy: true, forwardedProto: 'javascript' }))).toBe('http://10.0.0.5:8080');
  });

  it('is null for a host that is no host name', () => {
    for (const host of ['evil.example/path', 'a b', 'user@evil.example', '"><script>', '']) expect(publicBase(request({ host })), host).toBeNull();
  });
});
