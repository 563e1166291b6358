import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useCurrentUser, useSignOut } from '@crossroads/web-data-access';
import { roleHasPermission } from '@crossroads/shared-domain';
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
        <nav aria-label="Main" className="main-nav">
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
        </nav>
        <nav aria-label="Account" className="account-nav" aria-busy={loading}>
          {loading ? null : user ? (
            <>
              <NotificationBell />
              <span className="account-nav__user" data-testid="current-user">
                <Link to={`/u/${encodeURIComponent(user.handle)}`} className="account-nav__name">
                  {user.displayName}
                </Link>{' '}
                <span className="account-nav__handle">@{user.handle}</span>
              </span>
              <button type="button" className="button button--quiet" onClick={() => void onSignOut()} disabled={signingOut}>
                Sign out
              </button>
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
