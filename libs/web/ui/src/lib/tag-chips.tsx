import { Link } from 'react-router';

/** Tag names as links to the feed filtered by that tag. */
export function TagChips({ tags, label = 'Tags' }: { tags: readonly { name: string }[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label={label}>
      {tags.map((t) => (
        <li key={t.name}>
          <Link className="tag-chip" to={`/?tag=${encodeURIComponent(t.name)}`}>
            {t.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
