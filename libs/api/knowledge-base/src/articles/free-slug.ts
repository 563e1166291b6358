import { LIMITS } from '@crossroads/shared-domain';

/** A promoted article's slug stem: short enough for a "-NNN" suffix, no trailing dash. */
export function slugStem(base: string): string {
  return base.slice(0, LIMITS.knowledgeBase.slug.max - 4).replace(/-+$/, '');
}

/** `stem`, or `stem-2`, `stem-3`, … whichever is not taken. */
export function firstFreeSlug(stem: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}
