import { createContext, useContext, useSyncExternalStore } from 'react';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday", "just now". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'minute') return rtf.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/**
 * When a server-rendered page was rendered (ms since the epoch). The server render and the
 * browser's hydration of it format times against this clock and in UTC, so both produce the same
 * text (a mismatch would be a hydration error); right after hydration, times switch to the
 * browser's clock and zone.
 */
export const RenderClockContext = createContext<number | null>(null);

const noSubscription = () => () => undefined;

/** False while rendering on the server and hydrating its HTML; true afterwards and in client-only renders. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

// Made once: a formatter per call (toLocaleString with options) costs more than the rest of a list of posts.
const exactLocal = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const exactUtc = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** A <time> with the relative text and the exact date as its tooltip. */
export function RelativeTime({ iso, prefix }: { iso: string; prefix?: string }) {
  const hydrated = useHydrated();
  const renderedAt = useContext(RenderClockContext);
  const server = !hydrated && renderedAt !== null;
  const exact = (server ? exactUtc : exactLocal).format(new Date(iso));
  return (
    <time dateTime={iso} title={server ? `${exact} UTC` : exact}>
      {prefix ? `${prefix} ` : ''}
      {formatRelative(iso, server ? renderedAt : undefined)}
    </time>
  );
}
