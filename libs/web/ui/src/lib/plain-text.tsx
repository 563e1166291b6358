import { Fragment } from 'react';
import { safeUrl } from './safe-url.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]]+$/;

export type TextPart = { type: 'text'; text: string } | { type: 'link'; href: string; text: string };

/** Splits plain text into text and http(s) links (trailing punctuation stays text). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trail = TRAILING.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trail.length);
    const start = match.index;
    const href = safeUrl(url);
    if (!href) continue;
    if (start > last) parts.push({ type: 'text', text: text.slice(last, start) });
    parts.push({ type: 'link', href, text: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) });
  return parts;
}

/** Plain text (comments) with http(s) URLs auto-linked; nothing else is interpreted. */
export function PlainText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((p, i) =>
        p.type === 'link' ? (
          <a key={i} href={p.href} rel="nofollow ugc noopener noreferrer">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
