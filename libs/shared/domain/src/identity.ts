/**
 * Identity rules shared by the API (which enforces them) and the web app (which explains them):
 * display names are NFKC-normalised, may not carry text-direction controls or be invisible, and
 * may not look like a staff member's name or handle.
 */

/** Bidirectional controls (embeddings, overrides, isolates, marks): they reorder what others see. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Characters that render as nothing (format controls, fillers, combining-only, blanks). */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}\p{M}\s\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Latin look-alikes of common homoglyphs (Cyrillic, Greek, digits), applied after case-folding. */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  // Digits and Latin letters that pass for others
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '5': 's',
  '|': 'l',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
};

export function normalizeDisplayName(name: string): string {
  return name.normalize('NFKC').trim();
}

/** Why a (normalised) display name is refused, or null when it is acceptable. */
export function displayNameProblem(name: string): string | null {
  if (BIDI_CONTROLS.test(name)) return 'displayName must not contain text-direction control characters.';
  if (name.replace(INVISIBLE, '') === '') return 'displayName must contain visible characters.';
  return null;
}

/**
 * A comparison key under which look-alikes collide: case-folded, without diacritics, invisible
 * characters, spaces and punctuation, with homoglyphs mapped to Latin and i/l (and "rn"/"m") merged.
 */
export function confusableSkeleton(text: string): string {
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\p{M}\p{Cf}]/gu, '');
  let out = '';
  for (const ch of folded) out += HOMOGLYPHS[ch] ?? ch;
  return out
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/i/g, 'l');
}

/** True when `candidate` looks like one of `protectedNames` (staff display names and handles). */
export function looksLike(candidate: string, protectedNames: readonly string[]): boolean {
  const key = confusableSkeleton(candidate);
  if (!key) return false;
  return protectedNames.some((name) => confusableSkeleton(name) === key);
}
