import type { ReactNode } from 'react';

/** A page that says what happened and what to do next (not found, forbidden, errors). */
export function MessagePage({ title, tabTitle, children }: { title: string; tabTitle: string; children: ReactNode }) {
  return (
    <section className="message-page">
      <title>{`${tabTitle} · Crossroads`}</title>
      <h1>{title}</h1>
      {children}
    </section>
  );
}
