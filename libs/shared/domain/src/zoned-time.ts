/**
 * An instant as a person reads it in their own zone, for notification texts, emails and reminders:
 * "Tue 1 Dec, 18:00 (Europe/London)". Built from Intl's parts (24-hour clock, English names), so
 * the result does not depend on the runtime's default locale or zone. An unknown zone falls back
 * to UTC rather than failing a notification.
 */
export function formatZonedTime(instant: Date | string, timeZone: string | null | undefined): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const zone = timeZone && isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}, ${part('hour')}:${part('minute')} (${zone})`;
}

/** Whether the runtime's Intl knows `zone` as a time zone. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
