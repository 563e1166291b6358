import { describe, expect, it } from '@jest/globals';
import { clientInfo, ipPrefix } from './client-info.js';

describe('where a session comes from (kept coarse)', () => {
  it('keeps the /24 of an IPv4 address, mapped or not', () => {
    expect(ipPrefix('203.0.113.57')).toBe('203.0.113.0/24');
    expect(ipPrefix('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
  });

  it('keeps the /48 of an IPv6 address, compressed or not', () => {
    expect(ipPrefix('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(ipPrefix('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(ipPrefix('::1')).toBe('0:0:0::/48');
  });

  it('stores nothing for a missing or malformed address', () => {
    expect(ipPrefix(undefined)).toBeNull();
    expect(ipPrefix('not-an-ip')).toBeNull();
  });

  it('trims and caps the user agent, and drops a blank one', () => {
    expect(clientInfo({ ip: '203.0.113.57', headers: { 'user-agent': `  ${'x'.repeat(300)} ` } })).toEqual({
      userAgent: 'x'.repeat(255),
      ipPrefix: '203.0.113.0/24',
    });
    expect(clientInfo({ headers: { 'user-agent': '   ' } })).toEqual({ userAgent: null, ipPrefix: null });
    expect(clientInfo(undefined)).toEqual({ userAgent: null, ipPrefix: null });
  });
});
