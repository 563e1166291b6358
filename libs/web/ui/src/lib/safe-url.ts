/** Schemes user content may link to. Everything else (javascript:, data:, vbscript:, relative tricks) is dropped. */
const ALLOWED = /^(https?:|mailto:)/i;

/**
 * Returns the URL when it is an absolute http(s) or mailto URL, otherwise null. Control characters
 * and whitespace are stripped before the check, as browsers do when they parse a URL.
 */
export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!ALLOWED.test(cleaned)) return null;
  try {
    const url = new URL(cleaned);
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  } catch {
    return null;
  }
  return raw.trim();
}
