import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useCurrentUser, useSignOut, type SessionUserFragment } from '@crossroads/web-data-access';
import { roleHasPermission } from '@crossroads/shared-domain';
import { useDisclosure } from '@crossroads/web-ui';
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
  const { open, buttonProps, contentId, rootRef } = useDisclosure<HTMLElement>();

  return (
    <nav aria-label="Main" className="main-nav" ref={rootRef}>
      {/* Shown on small screens only (CSS): the links fold behind it. */}
      <button {...buttonProps} className="main-nav__toggle">
        Menu
      </button>
      <div id={contentId} className={open ? 'main-nav__links main-nav__links--open' : 'main-nav__links'}>
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
