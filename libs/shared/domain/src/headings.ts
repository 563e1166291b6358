/**
 * Table of contents and heading anchors for Markdown articles. The API lists the entries; the web
 * app gives each rendered heading the same id, so both must use these functions.
 */

export interface TocEntry {
  /** 1–6, the number of `#`. */
  level: number;
  /** The heading as plain text (inline Markdown removed). */
  text: string;
  /** The id of the rendered heading, unique within the document. */
  anchor: string;
}

/**
 * A URL-safe slug: lower case ASCII letters and digits joined by single dashes, accents folded
 * ("Première étape" → "premiere-etape"). Empty when nothing is left.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/** Inline Markdown of a heading reduced to its text: links, images, code, emphasis, HTML tags. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Hands out unique anchors in document order, GitHub style: the second "Next steps" becomes
 * "next-steps-1"; a heading with no letters or digits becomes "section".
 */
export class AnchorRegistry {
  private readonly used = new Map<string, number>();

  next(text: string): string {
    const base = slugify(text) || 'section';
    let anchor = base;
    let n = this.used.get(base) ?? 0;
    while (this.used.has(anchor)) {
      n += 1;
      anchor = `${base}-${n}`;
    }
    this.used.set(base, n);
    this.used.set(anchor, this.used.get(anchor) ?? 0);
    return anchor;
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/**
 * The ATX headings (`## Title`) of a Markdown document, outside fenced code blocks, with their
 * anchors. `minLevel`/`maxLevel` filter the entries (anchors stay those of the whole document, so
 * they match the ids the renderer gives every heading).
 */
export function tableOfContents(markdown: string, minLevel = 1, maxLevel = 6): TocEntry[] {
  const anchors = new AnchorRegistry();
  const entries: TocEntry[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[1][0] === fence[0] &&
        fenceMatch[1].length >= fence.length &&
        line.trim() === fenceMatch[1]
      )
        fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const heading = ATX.exec(line);
    if (!heading) continue;
    const text = headingText(heading[2] ?? '');
    if (!text) continue;
    const level = heading[1].length;
    const anchor = anchors.next(text);
    if (level >= minLevel && level <= maxLevel) entries.push({ level, text, anchor });
  }
  return entries;
}
