import { escapeHtml } from './render-email.js';

/**
 * The small HTML page a link from an email opens (unsubscribe, confirmations): readable on a phone,
 * no script, every text escaped; `body` is HTML built from `linkPageParagraph` and forms.
 */
export function linkPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Crossroads</title></head>
<body style="margin:0;background:#f5f7fa;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933;">
<main style="max-width:600px;margin:32px auto;padding:24px;background:#fff;border-radius:8px;">
<h1 style="font-size:22px;margin:0 0 16px;">${escapeHtml(title)}</h1>
${body}
</main></body></html>
`;
}

export const linkPageParagraph = (text: string) => `<p style="font-size:16px;line-height:1.5;">${escapeHtml(text)}</p>`;
