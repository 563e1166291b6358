import { LIMITS } from '@crossroads/shared-domain';
import { tagProblem } from '../qa/qa-validation.js';

const M = LIMITS.mentoring;

export const PROFILE_FIELDS = [
  'headline',
  'yearsExperience',
  'expertise',
  'bio',
  'industries',
  'certifications',
  'links',
  'maxOpenRequests',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ProfileDraft {
  headline: string;
  bio: string;
  yearsExperience: string;
  industries: readonly string[];
  certifications: readonly string[];
  expertise: readonly string[];
  links: readonly string[];
  acceptingRequests: boolean;
  maxOpenRequests: string;
}

/** Splits a comma-separated list into trimmed, non-empty, distinct items (case-insensitive). */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim().replace(/\s+/g, ' ');
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

function wholeNumber(label: string, raw: string, { min, max }: { min: number; max: number }): string | undefined {
  const text = raw.trim();
  if (!text) return `${label} is required.`;
  if (!/^\d+$/.test(text)) return `${label} must be a whole number.`;
  const n = Number(text);
  if (n < min || n > max) return `${label} must be between ${min} and ${max}.`;
  return undefined;
}

/** One link on a mentor profile: an absolute https URL of at most 300 characters; null when fine. */
export function linkProblem(raw: string): string | null {
  const link = raw.trim();
  if (link.length > M.links.itemMax) return `A link must be at most ${M.links.itemMax} characters.`;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return `“${link}” is not a web address. Use a full address such as https://example.com/me.`;
  }
  if (url.protocol !== 'https:') return `Links must start with https:// (“${link}” does not).`;
  return null;
}

/** Every limit of LIMITS.mentoring for a mentor profile, checked before anything is sent. */
export function validateMentorProfile(d: ProfileDraft): Partial<Record<ProfileField, string>> {
  const headline = d.headline.trim().length;
  const bio = d.bio.trim().length;
  const links = d.links.map((l) => l.trim()).filter(Boolean);
  return {
    headline:
      headline === 0
        ? 'Headline is required.'
        : headline < M.headline.min
          ? `Headline must be at least ${M.headline.min} characters (now ${headline}).`
          : headline > M.headline.max
            ? `Headline must be at most ${M.headline.max} characters (now ${headline}).`
            : undefined,
    bio:
      bio > M.bio.max
        ? `Bio must be at most ${M.bio.max.toLocaleString('en')} characters (now ${bio.toLocaleString('en')}).`
        : undefined,
    yearsExperience: wholeNumber('Years of experience', d.yearsExperience, M.yearsExperience),
    expertise:
      d.expertise.length < M.expertise.min
        ? `Add at least ${M.expertise.min} expertise tag.`
        : d.expertise.length > M.expertise.max
          ? `Use at most ${M.expertise.max} expertise tags.`
          : (d.expertise.map(tagProblem).find(Boolean) ?? undefined),
    industries:
      d.industries.length > M.industries.max
        ? `List at most ${M.industries.max} industries.`
        : d.industries.some((i) => i.length > M.industries.itemMax)
          ? `Each industry must be at most ${M.industries.itemMax} characters.`
          : undefined,
    certifications:
      d.certifications.length > M.certifications.max
        ? `List at most ${M.certifications.max} certifications (now ${d.certifications.length}).`
        : d.certifications.some((c) => c.length < M.certifications.itemMin || c.length > M.certifications.itemMax)
          ? `Each certification must be ${M.certifications.itemMin}–${M.certifications.itemMax} characters.`
          : undefined,
    links:
      links.length > M.links.max
        ? `Add at most ${M.links.max} links.`
        : (links.map(linkProblem).find(Boolean) ?? undefined),
    maxOpenRequests: wholeNumber('Open requests at once', d.maxOpenRequests, M.maxOpenRequests),
  };
}

export const REQUEST_FIELDS = ['message', 'questionId'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

export function validateRequestMessage(message: string): string | undefined {
  const { min, max } = M.requestMessage;
  const n = message.trim().length;
  if (n === 0) return 'A message is required: say what you would like help with.';
  if (n < min) return `Message must be at least ${min} characters (now ${n}).`;
  if (n > max) return `Message must be at most ${max.toLocaleString('en')} characters (now ${n.toLocaleString('en')}).`;
  return undefined;
}

/** Optional text up to `max` characters (a response, a review, a reply). */
export function optionalText(label: string, text: string, max: number, required = false): string | undefined {
  const n = text.trim().length;
  if (required && n === 0) return `${label} is required.`;
  if (n > max)
    return `${label} must be at most ${max.toLocaleString('en')} characters (now ${n.toLocaleString('en')}).`;
  return undefined;
}
