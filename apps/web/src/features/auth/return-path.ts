/**
 * Where to go after signing in: `?next=/some/path` when it is a path on this site, else home.
 * Anything else (`//evil.example`, `https://…`) is ignored so the link cannot send users away.
 */
export function returnPathFrom(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
