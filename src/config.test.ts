import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs with nothing set: embedded database, in-process locks, port 8080', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './.data' });
    expect(config.redisUrls).toEqual([]);
    expect(config.retellApiKey).toBeNull();
  });

  it('uses real Postgres and every Redis node when configured', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://db.internal:5432/termin',
      REDIS_URLS: 'redis://a:6379, redis://b:6379,redis://c:6379',
      PORT: '9000',
    });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://db.internal:5432/termin' });
    expect(config.redisUrls).toEqual(['redis://a:6379', 'redis://b:6379', 'redis://c:6379']);
    expect(config.port).toBe(9000);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URLS: '' }).database.kind).toBe('pglite');
  });

  it('names every invalid variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x/y', REDIS_URLS: 'redis://ok:1,http://bad', LOG_LEVEL: 'loud' });
      expect.unreachable('loadConfig accepted invalid input');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URLS', 'LOG_LEVEL']) expect(problems).toContain(name);
    }
  });

  it('requires the lock lease to outlast a statement', () => {
    expect(() => loadConfig({ REDIS_URLS: 'redis://a:6379', LOCK_TTL_MS: '4000', DB_STATEMENT_TIMEOUT_MS: '5000' })).toThrow(/LOCK_TTL_MS/);
  });

  it('rejects out-of-range numbers', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ HOLD_TTL_SECONDS: '5' })).toThrow(/HOLD_TTL_SECONDS/);
  });

  it('protects the HTTP side with defaults: no allowlist, per-minute limits, a page cap', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ retellIpAllowlist: [], trustProxy: false, rateLimitPerMinute: 300, retellRateLimitPerMinute: 3000, apiPageLimitMax: 200 });
  });

  it('reads the Retell address allowlist and rejects entries that are no addresses', () => {
    expect(loadConfig({ RETELL_IP_ALLOWLIST: '100.20.5.228, 2001:db8::1' }).retellIpAllowlist).toEqual(['100.20.5.228', '2001:db8::1']);
    expect(() => loadConfig({ RETELL_IP_ALLOWLIST: '100.20.5.228,retell.ai' })).toThrow(/RETELL_IP_ALLOWLIST/);
    expect(() => loadConfig({ API_PAGE_LIMIT_MAX: '0' })).toThrow(/API_PAGE_LIMIT_MAX/);
  });

  it('reads PUBLIC_URL as a base without trailing slash, and refuses what is no plain http(s) base', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://termin.example.de/' }).publicUrl).toBe('https://termin.example.de');
    expect(loadConfig({ PUBLIC_URL: 'https://example.de/termin/' }).publicUrl).toBe('https://example.de/termin');
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:8080' }).publicUrl).toBe('http://localhost:8080');
    for (const bad of [
      'termin.example.de',
      'ftp://example.de',
      'wss://example.de',
      'https://example.de/?x=1',
      'https://user:pw@example.de',
      'https://example.de/#a',
    ]) {
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });
});
