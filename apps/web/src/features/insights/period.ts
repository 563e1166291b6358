export type Preset = '7' | '30' | '90' | 'custom';

export const PRESETS: readonly { id: Preset; label: string }[] = [
  { id: '7', label: 'Last 7 days' },
  { id: '30', label: 'Last 30 days' },
  { id: '90', label: 'Last 90 days' },
  { id: 'custom', label: 'Custom range' },
];

export interface ChosenPeriod {
  preset: Preset;
  /** YYYY-MM-DD, UTC. */
  from: string;
  to: string;
  tag: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/**
 * The period in the address: `?from=&to=` (a custom range, checked by the API), else `?days=7|30|90`
 * ending today (30 by default); `tag` optional.
 */
export function periodFromParams(params: URLSearchParams, now: Date): ChosenPeriod {
  const tag = params.get('tag')?.trim().toLowerCase() || null;
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) && isDay(to)) return { preset: 'custom', from, to, tag };
  const days = (['7', '30', '90'] as const).find((d) => d === params.get('days')) ?? '30';
  const start = new Date(now.getTime() - (Number(days) - 1) * 86_400_000);
  return { preset: days, from: day(start), to: day(now), tag };
}
