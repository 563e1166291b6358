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

/**
 * Renders user Markdown (GitHub flavour) safely: raw HTML is skipped, and links and images keep
 * only http(s) and mailto URLs, so no script from content can run.
 */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={markdownUrlTransform} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
