import type { ReactElement } from 'react';
import { LRUCache } from 'lru-cache';
import Markdown, { type Components, type UrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { safeUrl } from './safe-url.js';

/** Only http(s) and mailto URLs survive; anything else becomes an empty attribute (dropped below). */
export const markdownUrlTransform: UrlTransform = (url) => safeUrl(url) ?? '';

const components: Components = {
  a: ({ href, children, node: _node, ...rest }) =>
    href ? (
      <a {...rest} href={href} rel="nofollow ugc noopener noreferrer">
        {children}
      </a>
    ) : (
      <span className="md-dropped-link">{children}</span>
    ),
  img: ({ src, alt, node: _node, ...rest }) =>
    typeof src === 'string' && src ? (
      <img {...rest} src={src} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
    ) : (
      <span className="md-dropped-image">{alt ?? ''}</span>
    ),
  // Headings inside user content are demoted so the page outline stays the page's own.
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h4>{children}</h4>,
  h3: ({ children }) => <h5>{children}</h5>,
};

const remarkPlugins = [remarkGfm];

/**
 * Parsed posts, by their source: parsing is the costly part of a post (the server renders a
 * question page's 30 answers and their comments afresh whenever its data changes, mostly with the
 * same bodies), and React elements may be rendered again as they are. The most recently used are
 * kept, up to a total length, so a few long posts cannot hold much memory.
 */
const parsed = new LRUCache<string, ReactElement>({
  maxSize: 2_000_000,
  sizeCalculation: (_element, source) => Math.max(1, source.length),
});

function markdownElement(source: string): ReactElement {
  const kept = parsed.get(source);
  if (kept) return kept;
  // `Markdown` is a plain function of its props (no hooks): called here, its result can be kept.
  const element = Markdown({
    children: source,
    remarkPlugins,
    skipHtml: true,
    urlTransform: markdownUrlTransform,
    components,
  });
  parsed.set(source, element);
  return element;
}

/**
 * Renders user Markdown (GitHub flavour) safely: raw HTML is skipped, and links and images keep
 * only http(s) and mailto URLs, so no script from content can run.
 */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'}>{markdownElement(source)}</div>;
}
