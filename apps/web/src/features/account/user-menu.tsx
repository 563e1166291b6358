import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { MyProfileDocument, type SessionUserFragment } from '@crossroads/web-data-access';
import { Avatar, useDisclosure } from '@crossroads/web-ui';

/** The header's account menu: profile, settings, sign out. A disclosure (useDisclosure: closed on Escape, outside click and navigation). */
export function UserMenu({
  user,
  onSignOut,
  signingOut,
}: {
  user: SessionUserFragment;
  onSignOut: () => void;
  signingOut: boolean;
}) {
  const { open, buttonProps, contentId, rootRef } = useDisclosure<HTMLDivElement>();
  const { data } = useQuery(MyProfileDocument);
  const avatarUrl = data?.me?.avatarUrl;

  return (
    <div className="user-menu" ref={rootRef}>
      <button {...buttonProps} className="user-menu__button">
        {avatarUrl ? (
          <img
            src={avatarUrl.replace(/\/\d+\.webp$/, '/48.webp')}
            alt=""
            className="avatar avatar--small"
            data-testid="header-avatar"
          />
        ) : (
          <Avatar user={user} />
        )}
        <span className="account-nav__user" data-testid="current-user">
          <span className="account-nav__name">{user.displayName}</span>{' '}
          <span className="account-nav__handle">@{user.handle}</span>
        </span>
      </button>
      <ul id={contentId} className="user-menu__list" hidden={!open}>
        <li>
          <Link to={`/u/${encodeURIComponent(user.handle)}`} className="user-menu__item">
            Your profile
          </Link>
        </li>
        <li>
          <Link to="/settings/profile" className="user-menu__item">
            Settings
          </Link>
        </li>
        <li>
          <button type="button" className="user-menu__item" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}
