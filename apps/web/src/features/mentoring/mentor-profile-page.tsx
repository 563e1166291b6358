import { useMutation, useQuery } from '@apollo/client/react';
import { AvailabilityEditor } from './availability-editor.js';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import { LIMITS } from '@crossroads/shared-domain';
import {
  MeDocument,
  MyMentorProfileDocument,
  UpsertMentorProfileDocument,
  useCurrentUser,
  type MyMentorProfileQuery,
} from '@crossroads/web-data-access';
import { fieldStyles, FormAlert, Loading, MarkdownEditor, TagInput, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { MessagePage } from '../../pages/message-page.js';
import { tagProblem } from '../qa/qa-validation.js';
import { PROFILE_FIELDS, splitList, validateMentorProfile } from './mentoring-validation.js';
import { useTagSuggestions } from '../qa/use-tag-suggestions.js';

const M = LIMITS.mentoring;

/** "Become a mentor" / edit your mentor profile. */
export function MentorProfilePage() {
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  const {
    data,
    loading: loadingProfile,
    error,
  } = useQuery(MyMentorProfileDocument, {
    variables: { handle: user?.handle ?? '' },
    skip: !user,
    fetchPolicy: 'network-only',
  });
  if (loading || (user && loadingProfile && !data)) {
    return <Loading />;
  }
  if (!user) {
    return (
      <MessagePage title="Sign in to become a mentor" tabTitle="Sign in">
        <p>Mentors are members who share what they learned. Sign in, or create a free account first.</p>
        <p className="hero__actions">
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} className="button">
            Sign in
          </Link>
          <Link to={`/sign-up?next=${encodeURIComponent(location.pathname)}`} className="button button--quiet">
            Create an account
          </Link>
        </p>
      </MessagePage>
    );
  }
  if (!data) {
    return (
      <MessagePage title="Your mentor profile could not be loaded" tabTitle="Error">
        <p>{error ? 'Check your connection and reload the page.' : 'Please reload the page.'}</p>
      </MessagePage>
    );
  }
  const profile = data.user?.mentorProfile ?? null;
  return (
    <>
      <MentorProfileForm handle={user.handle} known={data.mentorCertifications} profile={profile} />
      {profile ? <AvailabilityEditor handle={user.handle} /> : null}
    </>
  );
}

type Existing = NonNullable<NonNullable<MyMentorProfileQuery['user']>['mentorProfile']>;

export function MentorProfileForm({
  handle,
  known,
  profile,
}: {
  handle: string;
  known: readonly string[];
  profile: Existing | null;
}) {
  const navigate = useNavigate();
  const [upsert] = useMutation(UpsertMentorProfileDocument);
  const [expertise, setExpertise] = useState<string[]>(profile?.expertise.map((t) => t.name) ?? []);
  const [tagText, setTagText] = useState('');
  const tagSuggestions = useTagSuggestions(tagText);
  const knownLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const existingCerts = profile?.certifications ?? [];
  const [checked, setChecked] = useState<string[]>(
    existingCerts.filter((c) => knownLower.has(c.toLowerCase())).map((c) => knownLower.get(c.toLowerCase()) ?? c),
  );
  const [otherCerts, setOtherCerts] = useState(
    existingCerts.filter((c) => !knownLower.has(c.toLowerCase())).join(', '),
  );
  const [links, setLinks] = useState<string[]>(profile?.links.length ? [...profile.links] : ['']);
  const [accepting, setAccepting] = useState(profile?.acceptingRequests ?? true);

  const certifications = () => {
    const all = [...checked, ...splitList(otherCerts)];
    const seen = new Set<string>();
    return all.filter((c) => (seen.has(c.toLowerCase()) ? false : (seen.add(c.toLowerCase()), true)));
  };

  const form = useForm({
    fields: PROFILE_FIELDS,
    initial: {
      headline: profile?.headline ?? '',
      bio: profile?.bio ?? '',
      yearsExperience: profile ? String(profile.yearsExperience) : '',
      industries: profile?.industries.join(', ') ?? '',
      certifications: '',
      expertise: '',
      links: '',
      maxOpenRequests: String(profile?.maxOpenRequests ?? M.maxOpenRequests.default),
    },
    validate: (v) =>
      validateMentorProfile({
        headline: v.headline,
        bio: v.bio,
        yearsExperience: v.yearsExperience,
        industries: splitList(v.industries),
        certifications: certifications(),
        expertise,
        links,
        acceptingRequests: accepting,
        maxOpenRequests: v.maxOpenRequests,
      }),
    submit: async (v) => {
      await upsert({
        variables: {
          input: {
            headline: v.headline.trim(),
            bio: v.bio.trim(),
            yearsExperience: Number(v.yearsExperience.trim()),
            industries: splitList(v.industries),
            certifications: certifications(),
            expertise,
            links: links.map((l) => l.trim()).filter(Boolean),
            acceptingRequests: accepting,
            maxOpenRequests: Number(v.maxOpenRequests.trim()),
          },
        },
        refetchQueries: [{ query: MeDocument }],
        awaitRefetchQueries: true,
      });
      await navigate(`/u/${encodeURIComponent(handle)}`);
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;
  const err = form.errors.fields;

  return (
    <section className="mentor-form-page">
      <title>{profile ? 'Edit your mentor profile · Crossroads' : 'Become a mentor · Crossroads'}</title>
      <h1>{profile ? 'Edit your mentor profile' : 'Become a mentor'}</h1>
      <p className="muted">Your profile appears in the mentor directory and next to questions in your expertise.</p>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate className="mentor-form">
        <FormAlert message={form.errors.form} />
        <TextField
          name="headline"
          label="Headline"
          value={form.values.headline}
          onChange={form.onChange}
          error={err.headline}
          hint={`One line about you, ${M.headline.min}–${M.headline.max} characters (${form.values.headline.trim().length} so far), such as “PMO lead, 12 years in construction”.`}
          autoComplete="off"
        />
        <TextField
          name="yearsExperience"
          label="Years of experience"
          inputMode="numeric"
          value={form.values.yearsExperience}
          onChange={form.onChange}
          error={err.yearsExperience}
          hint={`${M.yearsExperience.min}–${M.yearsExperience.max}.`}
          className="short-field"
        />
        <TagInput
          name="expertise"
          label="Expertise"
          value={expertise}
          onChange={setExpertise}
          suggestions={tagSuggestions}
          onInputChange={setTagText}
          max={M.expertise.max}
          validateTag={tagProblem}
          error={err.expertise}
          hint={`${M.expertise.min}–${M.expertise.max} tags you can help with; questions with these tags are matched to you.`}
        />
        <MarkdownEditor
          name="bio"
          label="Bio"
          value={form.values.bio}
          onChange={form.onChange}
          error={err.bio}
          hint={`Markdown, optional, up to ${M.bio.max.toLocaleString('en')} characters (${form.values.bio.trim().length} so far).`}
          rows={8}
        />
        <TextField
          name="industries"
          label="Industries"
          value={form.values.industries}
          onChange={form.onChange}
          error={err.industries}
          hint={`Comma-separated, at most ${M.industries.max}, such as Construction, Public sector.`}
        />
        <fieldset className={err.certifications ? `fieldset ${fieldStyles.invalid}` : 'fieldset'}>
          <legend className={fieldStyles.label}>Certifications</legend>
          <CheckboxGroup
            value={checked}
            onChange={setChecked}
            className="cert-choices"
            aria-label="Known certifications"
          >
            <Label className="visually-hidden">Known certifications</Label>
            {known.map((c) => (
              <Checkbox key={c} value={c} className="cert-choice">
                <span className="cert-choice__box" aria-hidden="true" />
                {c}
              </Checkbox>
            ))}
            <Text slot="description" className="visually-hidden">
              Choose every certification you hold.
            </Text>
          </CheckboxGroup>
          <TextField
            name="certifications"
            label="Other certifications"
            value={otherCerts}
            onChange={(e) => setOtherCerts(e.currentTarget.value)}
            error={err.certifications}
            hint={`Comma-separated. At most ${M.certifications.max} in all, each ${M.certifications.itemMin}–${M.certifications.itemMax} characters.`}
          />
        </fieldset>
        <fieldset className={err.links ? `fieldset ${fieldStyles.invalid}` : 'fieldset'}>
          <legend className={fieldStyles.label}>Links</legend>
          <p className={fieldStyles.hint}>
            Your site or professional profile: https addresses only, at most {M.links.max}.
          </p>
          {links.map((link, i) => (
            <div key={i} className="link-row">
              <label className="visually-hidden" htmlFor={`link-${i}`}>
                Link {i + 1}
              </label>
              <input
                id={`link-${i}`}
                name={i === 0 ? 'links' : `links-${i}`}
                type="url"
                inputMode="url"
                className={fieldStyles.input}
                placeholder="https://"
                value={link}
                aria-invalid={err.links ? true : undefined}
                aria-describedby={err.links ? 'links-error' : undefined}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setLinks((ls) => ls.map((l, j) => (j === i ? value : l)));
                }}
              />
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setLinks((ls) => (ls.length === 1 ? [''] : ls.filter((_, j) => j !== i)))}
              >
                Remove<span className="visually-hidden"> link {i + 1}</span>
              </button>
            </div>
          ))}
          {err.links ? (
            <p id="links-error" className={fieldStyles.error} data-field-error>
              {err.links}
            </p>
          ) : null}
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={links.length >= M.links.max}
            onClick={() => setLinks((ls) => [...ls, ''])}
          >
            Add a link
          </button>
        </fieldset>
        <fieldset className="fieldset">
          <legend className={fieldStyles.label}>Requests</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              name="acceptingRequests"
              checked={accepting}
              onChange={(e) => setAccepting(e.currentTarget.checked)}
            />{' '}
            I am accepting mentorship requests
          </label>
          <TextField
            name="maxOpenRequests"
            label="Open requests at once"
            inputMode="numeric"
            value={form.values.maxOpenRequests}
            onChange={form.onChange}
            error={err.maxOpenRequests}
            hint={`${M.maxOpenRequests.min}–${M.maxOpenRequests.max}: pending and accepted requests together.`}
            className="short-field"
          />
        </fieldset>
        <button type="submit" className="button button--large" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : profile ? 'Save your mentor profile' : 'Create your mentor profile'}
        </button>
      </form>
    </section>
  );
}
