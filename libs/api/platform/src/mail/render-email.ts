export interface EmailContent {
  /** The line mail apps show after the subject in the inbox list (hidden in the body). */
  preheader: string;
  heading: string;
  paragraphs: string[];
  /** The one thing to do: shown as a button and as a plain URL. */
  action?: { label: string; url: string };
  /** Why the reader got this email. */
  footer: string;
  /** Added by the mailer to non-critical mail: the visible unsubscribe link. */
  unsubscribeUrl?: string;
}

export interface RenderedEmail {
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Only http(s) links become buttons: a `javascript:` URL in an email would be an attack. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`Email links must be http(s) URLs (got ${parsed.protocol})`);
  return parsed.toString();
}

// Dark on light (#1f2933 on #ffffff is 14.8:1; the button's white on #1d4ed8 is 6.7:1), one
// column, at most 600 px, inline styles only (mail apps drop <style>), no images.
const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/**
 * The one layout of every email, as plain text and HTML that read well on a phone. Every string is
 * treated as user text and escaped: a question title with `<script>` shows as written.
 */
export function renderEmail(content: EmailContent): RenderedEmail {
  const action = content.action ? { label: content.action.label, url: safeUrl(content.action.url) } : undefined;
  const unsubscribeUrl = content.unsubscribeUrl ? safeUrl(content.unsubscribeUrl) : undefined;

  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '-- ',
    content.footer,
    ...(unsubscribeUrl ? [`Unsubscribe: ${unsubscribeUrl}`] : []),
    '',
  ].join('\n');

  const e = escapeHtml;
  const paragraphs = content.paragraphs
    .map((p) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2933;">${e(p)}</p>`)
    .join('\n');
  const button = action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;"><tr><td style="border-radius:6px;background:#1d4ed8;">
<a href="${e(action.url)}" style="display:inline-block;padding:12px 20px;font-size:16px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px;${FONT};">${e(action.label)}</a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#3e4c59;word-break:break-all;">Or open this link: <a href="${e(action.url)}" style="color:#1d4ed8;">${e(action.url)}</a></p>`
    : '';
  const unsubscribe = unsubscribeUrl
    ? `<br><a href="${e(unsubscribeUrl)}" style="color:#1d4ed8;">Unsubscribe</a> from these emails.`
    : '';

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(content.heading)}</title>
</head>
<body style="margin:0;padding:0;background:#f5f7fa;">
<div style="display:none;max-height:0;overflow:hidden;">${e(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f7fa;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;${FONT};">
<tr><td style="padding:24px;">
<p style="margin:0 0 16px;font-size:14px;font-weight:600;color:#3e4c59;">Crossroads</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1f2933;">${e(content.heading)}</h1>
${paragraphs}
${button}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #d9e2ec;font-size:13px;line-height:1.5;color:#3e4c59;">
${e(content.footer)}${unsubscribe}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { text, html };
}
