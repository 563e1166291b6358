import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LIMITS } from '@crossroads/shared-domain';
import { MentorCertificationsDocument, MentorsDocument, useCurrentUser } from '@crossroads/web-data-access';
import { EmptyState, fieldStyles, LoadMoreList, QueryState, TagInput } from '@crossroads/web-ui';
import { tagProblem } from '../qa/qa-validation.js';
import { MentorCard } from './mentor-card-parts.js';
import { useTagSuggestions } from '../qa/use-tag-suggestions.js';

const PAGE_SIZE = 12;

/** The mentor directory: filters in the URL, keyset "Load more". */
export function MentorsPage() {
  const [params, setParams] = useSearchParams();
  const expertise = params.get('expertise') || null;
  const industry = params.get('industry') || null;
  const certification = params.get('certification') || null;
  const acceptingRequests = params.get('accepting') === '1' ? true : null;
  const search = params.get('q')?.trim() || null;

  const [draftTags, setDraftTags] = useState<string[]>(expertise ? [expertise] : []);
  const [draftIndustry, setDraftIndustry] = useState(industry ?? '');
  const [draftCert, setDraftCert] = useState(certification ?? '');
  const [draftAccepting, setDraftAccepting] = useState(acceptingRequests === true);
  const [draftSearch, setDraftSearch] = useState(search ?? '');
  const [tagText, setTagText] = useState('');
  const tagSuggestions = useTagSuggestions(tagText);
  const { data: certData } = useQuery(MentorCertificationsDocument);
  const { user } = useCurrentUser();

  const { data, loading, error, fetchMore, refetch } = useQuery(MentorsDocument, {
    variables: { first: PAGE_SIZE, expertise, industry, certification, acceptingRequests, search },
  });
  const list = data?.mentors;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    const tag = draftTags[0];
    if (tag) next.set('expertise', tag);
    if (draftIndustry.trim()) next.set('industry', draftIndustry.trim());
    if (draftCert) next.set('certification', draftCert);
    if (draftAccepting) next.set('accepting', '1');
    if (draftSearch.trim()) next.set('q', draftSearch.trim());
    setParams(next);
  };
  const clear = () => {
    setDraftTags([]);
    setDraftIndustry('');
    setDraftCert('');
    setDraftAccepting(false);
    setDraftSearch('');
    setParams(new URLSearchParams());
  };
  const filtered = Boolean(expertise || industry || certification || acceptingRequests || search);

  return (
    <section className="mentors-page">
      <title>Mentors · Crossroads</title>
      <div className="feed__top">
        <div>
          <h1 className="feed__title">Mentors</h1>
          <p className="muted">Experienced people who answer questions and take mentorship requests.</p>
        </div>
        {user ? (
          <Link to="/mentor/profile" className="button button--quiet">
            {user.role === 'MENTOR' ? 'Edit your mentor profile' : 'Become a mentor'}
          </Link>
        ) : null}
      </div>

      <form className="mentor-filters" onSubmit={apply} aria-label="Filter mentors" role="search">
        <div className={fieldStyles.field}>
          <label className={fieldStyles.label} htmlFor="mentor-search">
            Search
          </label>
          <input
            id="mentor-search"
            type="search"
            className={fieldStyles.input}
            value={draftSearch}
            onChange={(e) => setDraftSearch(e.currentTarget.value)}
            maxLength={LIMITS.mentoring.search.max}
            placeholder="Words in headline or bio"
          />
        </div>
        <TagInput
          name="expertise"
          label="Expertise"
          value={draftTags}
          onChange={setDraftTags}
          suggestions={tagSuggestions}
          onInputChange={setTagText}
          max={1}
          validateTag={tagProblem}
          hint="One tag, such as pmo."
        />
        <div className={fieldStyles.field}>
          <label className={fieldStyles.label} htmlFor="mentor-industry">
            Industry
          </label>
          <input
            id="mentor-industry"
            className={fieldStyles.input}
            value={draftIndustry}
            onChange={(e) => setDraftIndustry(e.currentTarget.value)}
            placeholder="e.g. Construction"
          />
        </div>
        <div className={fieldStyles.field}>
          <label className={fieldStyles.label} htmlFor="mentor-cert">
            Certification
          </label>
          <select
            id="mentor-cert"
            className={fieldStyles.input}
            value={draftCert}
            onChange={(e) => setDraftCert(e.currentTarget.value)}
          >
            <option value="">Any</option>
            {(certData?.mentorCertifications ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            {draftCert && !(certData?.mentorCertifications ?? []).includes(draftCert) ? (
              <option value={draftCert}>{draftCert}</option>
            ) : null}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draftAccepting}
            onChange={(e) => setDraftAccepting(e.currentTarget.checked)}
          />{' '}
          Only mentors accepting requests
        </label>
        <p className="mentor-filters__actions">
          <button type="submit" className="button">
            Show mentors
          </button>
          {filtered ? (
            <button type="button" className="button button--quiet" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </p>
      </form>

      <QueryState
        data={list}
        loading={loading}
        error={error}
        loadingText="Loading mentors…"
        errorText="The mentors could not be loaded."
        onRetry={() => void refetch()}
        isEmpty={(l) => l.edges.length === 0}
        empty={
          <EmptyState as="div">
            <h2>No mentors found</h2>
            <p>
              {filtered ? 'No mentor matches these filters. Try fewer of them.' : 'Nobody has a mentor profile yet.'}
            </p>
            {user ? (
              <Link to="/mentor/profile" className="button">
                Become a mentor
              </Link>
            ) : null}
          </EmptyState>
        }
      >
        {(l) => (
          <>
            <p className="muted feed__count" aria-live="polite">
              {l.totalCount.toLocaleString('en')} {l.totalCount === 1 ? 'mentor' : 'mentors'}
            </p>
            <LoadMoreList
              pageInfo={l.pageInfo}
              onLoadMore={(after) => fetchMore({ variables: { after } })}
              moreClassName="feed__more"
            >
              <ul className="mentor-grid">
                {l.edges.map(({ node }) => (
                  <MentorCard key={node.user.id} m={node} />
                ))}
              </ul>
            </LoadMoreList>
          </>
        )}
      </QueryState>
    </section>
  );
}
