import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { AnchorRegistry, headingText } from '@crossroads/shared-domain';
import { markdownUrlTransform } from '@crossroads/web-ui';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  position?: { start: { offset?: number } };
}

const HEADING = /^h[1-6]$/;
const ATX_START = /^ {0,3}#{1,6}(?:[ \t]|$)/;

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Gives every ATX heading (`## Title`) the id the API lists in the article's tableOfContents: the
 * same AnchorRegistry (libs/shared/domain) in document order. Setext headings are not in the table
 * of contents, so they get no id and do not advance the registry.
 */
export function rehypeHeadingIds() {
  return (tree: HastNode, file: { value?: unknown }) => {
    const source = typeof file.value === 'string' ? file.value : '';
    const anchors = new AnchorRegistry();
    const walk = (node: HastNode) => {
      if (node.type === 'element' && node.tagName && HEADING.test(node.tagName)) {
        const offset = node.position?.start.offset;
        const line = offset === undefined ? '' : source.slice(source.lastIndexOf('\n', offset - 1) + 1, offset + 8);
        const text = headingText(textOf(node));
        if (text && ATX_START.test(line)) node.properties = { ...node.properties, id: anchors.next(text) };
        return;
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

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
  // The page's h1 is the article title: a `#` heading in the body becomes an h2.
  h1: ({ node: _node, ...rest }) => <h2 {...rest} />,
};

/**
 * An article body: the same safe Markdown as posts (raw HTML skipped, only http(s)/mailto URLs),
 * with heading ids that match the table of contents anchors.
 */
export function ArticleMarkdown({ source }: { source: string }) {
  return (
    <div className="markdown article-body">
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeHeadingIds]}
        skipHtml
        urlTransform={markdownUrlTransform}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
}
