import { useQuery } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { UserProfileDocument } from '@crossroads/web-data-access';
import { Avatar, Loading, roleLabel } from '@crossroads/web-ui';
import { MessagePage } from '../../pages/message-page.js';
import { MentorSection } from '../mentoring/mentor-section.js';
import { UserPosts } from './user-posts.js';

// The chart and visx load after the profile, in their own chunk: the profile's first JS stays as it was.
const ReputationHistory = lazy(() => import('./reputation-history.js'));
const AnswersByTag = lazy(() => import('./answers-by-tag.js'));

export function UserPage() {
  const { handle = '' } = useParams();
  const { data, loading, error } = useQuery(UserProfileDocument, { variables: { handle } });
  const user = data?.user;
  if (loading && !data) return <Loading>Loading the profile…</Loading>;
  if (!user) {
    return error ? (
      <MessagePage title="This profile could not be loaded" tabTitle="Error">
        <p>Something went wrong. Check your connection and reload the page.</p>
      </MessagePage>
    ) : (
      <MessagePage title="User not found" tabTitle="User not found">
        <p>
          Nobody on Crossroads has the handle <code>@{handle}</code>. Check the spelling, or find people through their
          questions and answers.
        </p>
        <p>
          <Link to="/" className="button">
            Browse questions
          </Link>
        </p>
      </MessagePage>
    );
  }
  const role = roleLabel(user.role);
  const since = new Date(user.createdAt).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric' });
  return (
    <section className="profile">
      <title>{`${user.displayName} · Crossroads`}</title>
      <div className="profile__card">
        <Avatar user={user} size="large" />
        <div>
          <h1 className="profile__name">{user.displayName}</h1>
          <p className="muted">
            @{user.handle}
            {role ? <span className="role-badge"> {role}</span> : null}
          </p>
        </div>
      </div>
      <dl className="profile__facts">
        <div>
          <dt>Reputation</dt>
          <dd data-testid="reputation">{user.reputation.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Member since</dt>
          <dd>
            <time dateTime={user.createdAt}>{since}</time>
          </dd>
        </div>
      </dl>
      <Suspense fallback={<Loading>Loading the reputation chart…</Loading>}>
        <ReputationHistory handle={user.handle} displayName={user.displayName} />
      </Suspense>
      <Suspense fallback={<Loading>Loading answers by tag…</Loading>}>
        <AnswersByTag handle={user.handle} displayName={user.displayName} />
      </Suspense>
      <MentorSection handle={user.handle} displayName={user.displayName} />
      <UserPosts handle={user.handle} displayName={user.displayName} />
    </section>
  );
}
