import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { SiteHeader } from './site-header.js';

export function RootLayout() {
  const announcement = useRouteFocus();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="route-announcer">
        {announcement}
      </p>
    </>
  );
}

/**
 * After a navigation (not the first load), moves focus to the new page's h1 and returns its
 * title for the polite live region. Pages may show a loading state first, so it waits for the h1.
 * A link to a place in the page (`#answer-…`) keeps focus for that place: the page focuses it.
 */
function useRouteFocus(): string {
  const { pathname, hash } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const shown = useRef(pathname);
  // The hash is read with its pathname: a change of hash alone is no navigation.
  const hashOfNavigation = useEffectEvent(() => hash);
  useEffect(() => {
    const hash = hashOfNavigation();
    if (shown.current === pathname) return; // the first load (also under StrictMode's second run)
    shown.current = pathname;
    const main = document.getElementById('main');
    if (!main) return;
    const settle = (): boolean => {
      const h1 = main.querySelector('h1');
      if (!h1) return false;
      if (!hash) {
        h1.tabIndex = -1;
        h1.focus();
      }
      // Each page renders its <title> with its heading; React hoists it into <head>.
      setAnnouncement(document.title);
      return true;
    };
    if (settle()) return;
    const observer = new MutationObserver(() => {
      if (settle()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname]);
  return announcement;
}
