import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '@crossroads/shared-domain';
import { AskQuestionDocument, SimilarQuestionsDocument, useCurrentUser } from '@crossroads/web-data-access';
import { FormAlert, Loading, MarkdownEditor, TagInput, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { MessagePage } from '../../pages/message-page.js';
import { ASK_FIELDS, tagProblem, validateAsk } from './qa-validation.js';
import { useDebounced } from './use-debounced.js';
import { useTagSuggestions } from './use-tag-suggestions.js';

export function AskPage() {
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) {
    return (
      <MessagePage title="Sign in to ask a question" tabTitle="Sign in to ask">
        <p>Only members can ask questions. Sign in, or create a free account: it takes a minute.</p>
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
  return <AskForm />;
}

function AskForm() {
  const navigate = useNavigate();
  // ?title= starts the question (insights' "ask this" for a search that found nothing).
  const [params] = useSearchParams();
  const [ask] = useMutation(AskQuestionDocument);
  const [tags, setTags] = useState<string[]>([]);
  const [tagText, setTagText] = useState('');
  const tagSuggestions = useTagSuggestions(tagText);

  const form = useForm({
    fields: ASK_FIELDS,
    initial: { title: params.get('title')?.slice(0, LIMITS.question.title.max) ?? '', body: '', tags: '' },
    validate: (v) => validateAsk({ title: v.title, body: v.body, tags }),
    submit: async (v) => {
      const { data } = await ask({
        variables: { input: { title: v.title.trim(), body: v.body.trim(), tags } },
        // Every cached feed (any sort, tag or search) and tag count may now differ: fetch them again.
        update(cache) {
          cache.evict({ id: 'ROOT_QUERY', fieldName: 'questions' });
          cache.evict({ id: 'ROOT_QUERY', fieldName: 'tags' });
          cache.gc();
        },
      });
      if (data) await navigate(`/q/${encodeURIComponent(data.askQuestion.id)}`);
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;

  // A tags error goes away once the tags are changed (like typing clears a text field's error).
  const [dismissedErrors, setDismissedErrors] = useState<object | null>(null);
  const title = useDebounced(form.values.title.trim(), 350);
  // While the next title's answer loads the last one stays: the panel would otherwise vanish and come
  // back, moving the fields below it (and the page's scroll) under the person typing there.
  const similarQuery = useQuery(SimilarQuestionsDocument, {
    variables: { title },
    skip: title.length < LIMITS.similarQuestions.titleMin,
  });
  const similar =
    title.length < LIMITS.similarQuestions.titleMin ? undefined : (similarQuery.data ?? similarQuery.previousData);
  const q = LIMITS.question;

  return (
    <section className="ask-page">
      <title>Ask a question · Crossroads</title>
      <h1>Ask a question</h1>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate className="ask-form">
        <FormAlert message={form.errors.form} />
        <TextField
          name="title"
          label="Title"
          hint={`Be specific, as if asking a colleague: ${q.title.min}–${q.title.max} characters (${form.values.title.trim().length} so far).`}
          value={form.values.title}
          onChange={form.onChange}
          error={form.errors.fields.title}
          autoComplete="off"
        />
        {similar && similar.similarQuestions.length > 0 ? (
          <aside className="similar" aria-labelledby="similar-title">
            <h2 id="similar-title" className="similar__title">
              Similar questions: maybe yours is already answered
            </h2>
            <ul>
              {similar.similarQuestions.map((s) => (
                <li key={s.id}>
                  <Link to={`/q/${encodeURIComponent(s.id)}`} target="_blank">
                    {s.title} <span className="visually-hidden">(opens in a new tab)</span>
                  </Link>{' '}
                  <span className="muted">
                    ({s.answerCount} {s.answerCount === 1 ? 'answer' : 'answers'}
                    {s.status === 'ANSWERED' ? ', accepted' : ''})
                  </span>
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
        <MarkdownEditor
          name="body"
          label="Details"
          value={form.values.body}
          onChange={form.onChange}
          error={form.errors.fields.body}
          hint={`Markdown: what you tried, where you are, where you want to go. ${q.body.min}–${q.body.max.toLocaleString('en')} characters (${form.values.body.trim().length} so far).`}
          rows={12}
        />
        <TagInput
          name="tags"
          label="Tags"
          value={tags}
          onChange={(t) => {
            setTags(t);
            setDismissedErrors(form.errors);
            form.setValues((v) => ({ ...v, tags: t.join(',') }));
          }}
          suggestions={tagSuggestions}
          onInputChange={setTagText}
          max={q.tags.max}
          validateTag={tagProblem}
          error={dismissedErrors === form.errors ? undefined : form.errors.fields.tags}
          hint={`${q.tags.min}–${q.tags.max} tags, such as project-management or pmo. New tags are created.`}
        />
        <button type="submit" className="button button--large" disabled={form.submitting}>
          {form.submitting ? 'Posting…' : 'Post your question'}
        </button>
      </form>
    </section>
  );
}
