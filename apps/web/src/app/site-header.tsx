import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useSignOut, type SessionUserFragment } from '@crossroads/web-data-access';
import { roleHasPermission } from '@crossroads/shared-domain';
import { UserMenu } from '../features/account/user-menu.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';

export function SiteHeader() {
  const { user, loading } = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
    setSigningOut(false);
    await navigate('/');
  };

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label="Crossroads home">
          <span className="brand__mark" aria-hidden="true" />
          Crossroads
        </Link>
        <MainNav user={user} />
        <nav aria-label="Account" className="account-nav" aria-busy={loading}>
          {loading ? null : user ? (
            <>
              <NotificationBell />
              <UserMenu user={user} onSignOut={() => void onSignOut()} signingOut={signingOut} />
            </>
          ) : (
            <>
              <Link to="/sign-in" className="button button--quiet">
                Sign in
              </Link>
              <Link to="/sign-up" className="button">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

/** The main links; on small screens they fold behind a "Menu" disclosure, closed on Escape (focus back on the button), outside click and navigation. */
function MainNav({ user }: { user: SessionUserFragment | null | undefined }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Navigation closes the menu: reset during render when the path changes.
  const [path, setPath] = useState(pathname);
  if (path !== pathname) {
    setPath(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <nav aria-label="Main" className="main-nav" ref={root}>
      {/* Shown on small screens only (CSS): the links fold behind it. */}
      <button ref={button} type="button" className="main-nav__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Menu
      </button>
      <div id={id} className={open ? 'main-nav__links main-nav__links--open' : 'main-nav__links'}>
        <NavLink to="/" end className="main-nav__link">
          Questions
        </NavLink>
        <NavLink to="/tags" className="main-nav__link">
          Tags
        </NavLink>
        <NavLink to="/ask" className="main-nav__link">
          Ask
        </NavLink>
        <NavLink to="/mentors" className="main-nav__link">
          Mentors
        </NavLink>
        {user ? (
          <NavLink to="/mentorships" className="main-nav__link">
            My mentorships
          </NavLink>
        ) : null}
        <NavLink to="/help" className="main-nav__link">
          Help
        </NavLink>
        {user && roleHasPermission(user.role, 'comment.moderate') ? (
          <NavLink to="/moderation" className="main-nav__link">
            Moderation
          </NavLink>
        ) : null}
      </div>
    </nav>
  );
}
