import { DateTime, IANAZone } from 'luxon';

/** A weekly window in a zone: ISO weekday (1 = Monday … 7 = Sunday), minutes since local midnight. */
export interface WeeklyWindow {
  weekday: number;
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

export interface Range {
  startsAt: Date;
  endsAt: Date;
}

/** Whether `zone` is an IANA time zone this runtime knows (Intl), e.g. "Europe/Paris"; "Mars/Olympus" is not. */
export function isValidTimeZone(zone: string): boolean {
  if (!IANAZone.isValidZone(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "18:00" → 1080; "24:00" → 1440 (a window may end at midnight); null when malformed. */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 1440 ? null : minutes;
}

export const formatClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Slot starts (UTC) in [from, from + days): for each local date in the windows' zone, each window
 * of that weekday yields starts every `stepMinutes` from its local start while a session of
 * `minutes` still ends within it. Local times are turned into instants in the zone on that very
 * date, so a window "18:00–20:00 Europe/Paris" stays 18:00 local across daylight-saving changes
 * (and a start that does not exist locally, in a spring-forward gap, is skipped). Dates in
 * `exceptions` (local YYYY-MM-DD), starts not after `now`, and slots overlapping `busy` are left out.
 */
export function slotStarts(args: {
  windows: readonly WeeklyWindow[];
  exceptions: ReadonlySet<string>;
  busy: readonly Range[];
  from: Date;
  days: number;
  minutes: number;
  stepMinutes: number;
  now: Date;
}): Date[] {
  const { windows, exceptions, busy, from, days, minutes, stepMinutes, now } = args;
  const to = from.getTime() + days * 86_400_000;
  const out = new Set<number>();
  for (const zone of new Set(windows.map((w) => w.timeZone))) {
    const inZone = windows.filter((w) => w.timeZone === zone);
    // One local day either side: the range's edges fall on different local dates in other zones.
    let day = DateTime.fromJSDate(from, { zone }).startOf('day').minus({ days: 1 });
    const lastDay = DateTime.fromMillis(to, { zone }).startOf('day').plus({ days: 1 });
    while (day <= lastDay) {
      const date = day.toISODate() ?? '';
      if (!exceptions.has(date)) {
        for (const w of inZone) {
          if (w.weekday !== day.weekday) continue;
          for (let m = w.startMinute; m + minutes <= w.endMinute; m += stepMinutes) {
            const local = { year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 };
            const start = DateTime.fromObject(local, { zone });
            // Spring-forward gap: luxon moves a nonexistent local time forward; such a start is not offered.
            if (!start.isValid || start.hour !== local.hour || start.minute !== local.minute) continue;
            const endLocal = m + minutes;
            const end =
              endLocal >= 1440
                ? day
                    .plus({ days: 1 })
                    .startOf('day')
                    .plus({ minutes: endLocal - 1440 })
                : DateTime.fromObject(
                    {
                      year: day.year,
                      month: day.month,
                      day: day.day,
                      hour: Math.floor(endLocal / 60),
                      minute: endLocal % 60,
                    },
                    { zone },
                  );
            const s = start.toMillis();
            const e = end.toMillis();
            if (e - s !== minutes * 60_000) continue; // a daylight-saving change inside the slot
            if (s < from.getTime() || s >= to || s <= now.getTime()) continue;
            if (busy.some((b) => s < b.endsAt.getTime() && b.startsAt.getTime() < e)) continue;
            out.add(s);
          }
        }
      }
      day = day.plus({ days: 1 });
    }
  }
  return [...out].sort((a, b) => a - b).map((ms) => new Date(ms));
}
