import { isIPv4, isIPv6 } from 'node:net';

/** Where a session was started or last renewed from, kept coarse: the browser and the IP's network. */
export interface ClientInfo {
  userAgent: string | null;
  ipPrefix: string | null;
}

const USER_AGENT_MAX = 255;

export function clientInfo(
  req: { ip?: string; headers?: Record<string, string | string[] | undefined> } | undefined,
): ClientInfo {
  const ua = req?.headers?.['user-agent'];
  const userAgent = typeof ua === 'string' && ua.trim() ? ua.trim().slice(0, USER_AGENT_MAX) : null;
  return { userAgent, ipPrefix: ipPrefix(req?.ip) };
}

/** IPv4 → its /24, IPv6 → its /48: enough to tell "home" from "abroad", not enough to find a house. */
export function ipPrefix(ip: string | undefined): string | null {
  if (!ip) return null;
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return null;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 3)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/48`;
}
