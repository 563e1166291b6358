import { NodeHtmlMarkdown } from 'node-html-markdown';
import type { Row } from './xml-rows.js';

/** Stack Exchange switched its content licence from CC BY-SA 3.0 to 4.0 on this day. */
const CC_BY_SA_4_FROM = Date.UTC(2018, 4, 2);

export function licenceFor(created: Date): string {
  return created.getTime() < CC_BY_SA_4_FROM ? 'CC BY-SA 3.0' : 'CC BY-SA 4.0';
}

export function licenceUrl(licence: string): string {
  return licence.endsWith('4.0')
    ? 'https://creativecommons.org/licenses/by-sa/4.0/'
    : 'https://creativecommons.org/licenses/by-sa/3.0/';
}

export const questionUrl = (site: string, id: string) => `https://${site}/questions/${id}`;
export const answerUrl = (site: string, id: string) => `https://${site}/a/${id}`;
export const commentUrl = (site: string, id: string) => `https://${site}/posts/comments/${id}`;
export const userUrl = (site: string, id: string) => `https://${site}/users/${id}`;

/** Dump dates are UTC without a zone ("2011-10-11T19:42:20.713"). Null when missing or invalid. */
export function parseDumpDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function parseIntOr(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : fallback;
}

/** A Stack Exchange id: an integer (users may be negative, e.g. Community = -1). */
export function isSourceId(value: string | undefined): value is string {
  return value !== undefined && /^-?\d{1,18}$/.test(value);
}

const TAG_RULE = /^[a-z0-9+#.-]{2,25}$/;

/** Tag names from `<a><b>` or `|a|b|`, split into names valid under Crossroads' rules and the rest. */
export function parseTags(raw: string | undefined): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  if (!raw) return { valid, invalid };
  const parts = raw.includes('<') ? [...raw.matchAll(/<([^<>]*)>/g)].map((m) => m[1]) : raw.split('|');
  for (const part of parts) {
    const name = part.trim().toLowerCase();
    if (!name) continue;
    if (TAG_RULE.test(name)) {
      if (!valid.includes(name)) valid.push(name);
    } else {
      invalid.push(part.trim());
    }
  }
  return { valid: valid.slice(0, 5), invalid: [...invalid, ...valid.slice(5)] };
}

export function normalizeTagName(raw: string): string | null {
  const name = raw.trim().toLowerCase();
  return TAG_RULE.test(name) ? name : null;
}

const markdown = new NodeHtmlMarkdown({
  codeFence: '```',
  bulletMarker: '-',
  maxConsecutiveNewlines: 2,
  keepDataImages: false,
});

/** A post body (HTML, entities already decoded by the XML parser) as Markdown. */
export function htmlToMarkdown(html: string): string {
  return markdown.translate(html).trim();
}

/** A handle base from a display name: lower-case a–z, 0–9, _ and -, at most `max` characters. */
export function handleBase(displayName: string, max = 16): string {
  return displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, max)
    .replace(/[-_]+$/g, '');
}

/** Candidate handles for an imported user, best first; the last ones are unique per site id. */
export function handleCandidates(displayName: string, sourceId: string, siteKey: string): string[] {
  if (!/^-?\d+$/.test(sourceId)) return [`${sourceId}-${siteKey}`.slice(0, 24)];
  const id = sourceId.replace('-', 'm');
  const base = handleBase(displayName);
  const tail = `-${siteKey}${id}`;
  const withId = `${(base || 'user').slice(0, 24 - tail.length)}${tail}`;
  return base.length >= 3 ? [base, withId] : [withId];
}

/** A short key for the site in handles: the first letters of its host's labels ("history.meta…" → "hms"). */
export function siteKey(site: string): string {
  return (
    site
      .split('.')
      .filter((l) => l && l !== 'com' && l !== 'net' && l !== 'org')
      .map((l) => l[0])
      .join('')
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 4) || 'se'
  );
}

export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Why a Posts.xml row cannot be imported, 'ignored' for other post types, null when it can. */
export function postProblem(row: Row): string | null {
  if (!isSourceId(row.Id)) return 'missing or invalid Id';
  if (row.PostTypeId !== '1' && row.PostTypeId !== '2')
    return isSourceId(row.PostTypeId) ? 'ignored' : 'missing or invalid PostTypeId';
  if (!parseDumpDate(row.CreationDate)) return 'missing or invalid CreationDate';
  if (row.Body === undefined) return 'missing Body';
  if (row.PostTypeId === '1' && !row.Title?.trim()) return 'question without Title';
  if (row.PostTypeId === '2' && !isSourceId(row.ParentId)) return 'answer without a valid ParentId';
  return null;
}
