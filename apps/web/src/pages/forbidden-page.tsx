import { Link } from 'react-router';
import { MessagePage } from './message-page.js';

export function ForbiddenPage() {
  return (
    <MessagePage title="You don’t have access to this page" tabTitle="Forbidden">
      <p>
        This page is for people with another role (for example moderators). If you think you should see it, sign in with
        that account or ask an admin.
      </p>
      <p className="hero__actions">
        <Link to="/" className="button">
          Go to the home page
        </Link>
        <Link to="/sign-in" className="button button--quiet">
          Sign in with another account
        </Link>
      </p>
    </MessagePage>
  );
}
