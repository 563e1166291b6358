import { Link } from 'react-router';
import { useCurrentUser } from '@crossroads/web-data-access';

export const TAGLINE = 'Ask, answer and find a mentor when your career reaches a crossroads.';

export function HomePage() {
  const { user, loading } = useCurrentUser();
  return (
    <section className="hero">
      <title>Crossroads</title>
      <h1 className="hero__title">Crossroads</h1>
      <p className="hero__tagline">{TAGLINE}</p>
      {loading ? null : user ? (
        <p className="hero__welcome">Welcome back, {user.displayName}.</p>
      ) : (
        <p className="hero__actions">
          <Link to="/sign-up" className="button button--large">
            Join Crossroads
          </Link>
          <Link to="/sign-in" className="button button--large button--quiet">
            Sign in
          </Link>
        </p>
      )}
    </section>
  );
}
