import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  CreateArticleDocument,
  HelpArticleDocument,
  HelpTopicDocument,
  HelpTopicsDocument,
  PublishArticleDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
  formErrorsFrom,
  type HelpArticleQuery,
} from '@crossroads/web-data-access';
import { LIMITS } from '@crossroads/shared-domain';
import { fieldClassName, fieldStyles, FormAlert, Loading, MarkdownEditor, TextField } from '@crossroads/web-ui';
import { MessagePage } from '../../pages/message-page.js';
import { RequirePermission } from '../../ui/require-permission.js';

const FIELDS = ['title', 'summary', 'topicSlug', 'body'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const KB = LIMITS.knowledgeBase;
const n = (x: number) => x.toLocaleString('en');

export function validateArticle(v: Values): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  const title = v.title.trim().length;
  if (title < KB.title.min || title > KB.title.max)
    problems.title = `Title must be ${KB.title.min}–${KB.title.max} characters (now ${title}).`;
  const summary = v.summary.trim().length;
  if (summary > KB.summary.max)
    problems.summary = `Summary must be at most ${KB.summary.max} characters (now ${summary}).`;
  if (!v.topicSlug) problems.topicSlug = 'Choose a topic.';
  const body = v.body.trim().length;
  if (body < KB.body.min || body > KB.body.max)
    problems.body = `Body must be ${n(KB.body.min)}–${n(KB.body.max)} characters (now ${n(body)}).`;
  return problems;
}

/** `/help/editor` (new) and `/help/articles/:slug/edit`: moderators write and publish articles. */
export function ArticleEditorPage() {
  const { slug } = useParams();
  return (
    <RequirePermission permission="article.write">
      {slug ? <EditExisting slug={slug} /> : <EditorForm article={null} />}
    </RequirePermission>
  );
}

function EditExisting({ slug }: { slug: string }) {
  const { data, loading, error } = useQuery(HelpArticleDocument, { variables: { slug } });
  if (loading && !data) {
    return <Loading>Loading the article…</Loading>;
  }
  if (!data?.article) {
    return (
      <MessagePage
        title={error ? 'This article could not be loaded' : 'Article not found'}
        tabTitle="Article not found"
      >
        <p>There is no article at this address.</p>
        <Link to="/help" className="button">
          Go to the help centre
        </Link>
      </MessagePage>
    );
  }
  return <EditorForm key={data.article.id} article={data.article} />;
}

function EditorForm({ article }: { article: NonNullable<HelpArticleQuery['article']> | null }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const topics = useQuery(HelpTopicsDocument);
  const [values, setValues] = useState<Values>({
    title: article?.title ?? params.get('title') ?? '',
    summary: article?.summary ?? '',
    topicSlug: article?.topic.slug ?? params.get('topic') ?? '',
    body: article?.body ?? '',
  });
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; form: string | null }>({
    fields: {},
    form: null,
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [status, setStatus] = useState(article?.status ?? 'DRAFT');
  const [createArticle, c] = useMutation(CreateArticleDocument);
  const [updateArticle, u] = useMutation(UpdateArticleDocument);
  const [publish, p] = useMutation(PublishArticleDocument);
  const [unpublish, up] = useMutation(UnpublishArticleDocument);
  const busy = c.loading || u.loading || p.loading || up.loading;
  const topicSlug = values.topicSlug || topics.data?.topics[0]?.slug || '';

  const set = (name: Field) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
    setSaved(null);
  };

  const focusFirst = (fields: Partial<Record<Field, string>>) => {
    const first = FIELDS.find((f) => fields[f]);
    if (first) (document.querySelector(`[name="${first}"]`) as HTMLElement | null)?.focus();
  };

  const save = async (thenPublish: boolean) => {
    const v = { ...values, topicSlug };
    const problems = validateArticle(v);
    if (Object.keys(problems).length) {
      setErrors({ fields: problems, form: null });
      focusFirst(problems);
      return;
    }
    setErrors({ fields: {}, form: null });
    try {
      let saved: { id: string; slug: string };
      if (article) {
        const { data } = await updateArticle({
          variables: {
            input: {
              id: article.id,
              title: v.title.trim(),
              summary: v.summary.trim(),
              body: v.body,
              topicSlug: v.topicSlug !== article.topic.slug ? v.topicSlug : undefined,
            },
          },
          refetchQueries: [HelpTopicDocument, HelpTopicsDocument],
        });
        if (!data) throw new Error('No answer from the server.');
        saved = data.updateArticle;
      } else {
        const { data } = await createArticle({
          variables: {
            input: {
              title: v.title.trim(),
              summary: v.summary.trim() || undefined,
              body: v.body,
              topicSlug: v.topicSlug,
            },
          },
          refetchQueries: [HelpTopicDocument, HelpTopicsDocument],
        });
        if (!data) throw new Error('No answer from the server.');
        saved = data.createArticle;
      }
      if (thenPublish) {
        await publish({ variables: { id: saved.id }, refetchQueries: [HelpTopicDocument, HelpTopicsDocument] });
        await navigate(`/help/articles/${encodeURIComponent(saved.slug)}`);
        return;
      }
      setSaved('Draft saved.');
      if (!article) await navigate(`/help/articles/${encodeURIComponent(saved.slug)}/edit`, { replace: true });
    } catch (e) {
      const mapped = formErrorsFrom(e, FIELDS);
      setErrors(mapped);
      focusFirst(mapped.fields);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  const toggle = async () => {
    if (!article) return;
    try {
      if (status === 'PUBLISHED') {
        await unpublish({ variables: { id: article.id }, refetchQueries: [HelpTopicDocument, HelpTopicsDocument] });
        setStatus('DRAFT');
        setSaved('Unpublished: the article is a draft again.');
      } else {
        await save(true);
      }
    } catch (e) {
      setErrors(formErrorsFrom(e, FIELDS));
    }
  };

  const heading = article ? `Edit “${article.title}”` : 'New article';
  return (
    <div className="editor-page">
      <title>{`${heading} · Help centre · Crossroads`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/help">Help centre</Link>
        {article ? (
          <>
            {' '}
            <span aria-hidden="true">›</span>{' '}
            <Link to={`/help/articles/${encodeURIComponent(article.slug)}`}>View article</Link>
          </>
        ) : null}
      </nav>
      <h1>{heading}</h1>
      <p className="muted">
        Status: <strong data-testid="article-status">{status === 'PUBLISHED' ? 'Published' : 'Draft'}</strong>
        {article?.source ? ' · promoted from a community question (attribution is kept)' : null}
      </p>
      <form onSubmit={onSubmit} noValidate className="editor-form">
        <TextField
          name="title"
          label="Title"
          value={values.title}
          onChange={set('title')}
          error={errors.fields.title}
          maxLength={KB.title.max}
        />
        <TextField
          name="summary"
          label="Summary"
          hint={`One or two sentences shown in lists and search results (at most ${KB.summary.max} characters).`}
          value={values.summary}
          onChange={set('summary')}
          error={errors.fields.summary}
        />
        <div className={fieldClassName(!!errors.fields.topicSlug)}>
          <label htmlFor="article-topic" className={fieldStyles.label}>
            Topic
          </label>
          <select
            id="article-topic"
            name="topicSlug"
            className={fieldStyles.input}
            value={topicSlug}
            onChange={set('topicSlug')}
            aria-invalid={errors.fields.topicSlug ? true : undefined}
            aria-describedby={errors.fields.topicSlug ? 'article-topic-error' : undefined}
          >
            {topics.loading && !topics.data ? <option value="">Loading topics…</option> : null}
            {topics.data?.topics.length === 0 ? (
              <option value="">No topics yet: create one in the help centre</option>
            ) : null}
            {topics.data?.topics.map((t) => (
              <option key={t.id} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
          {errors.fields.topicSlug ? (
            <p id="article-topic-error" className={fieldStyles.error} data-field-error>
              {errors.fields.topicSlug}
            </p>
          ) : null}
        </div>
        <MarkdownEditor
          name="body"
          label="Body"
          value={values.body}
          onChange={set('body')}
          error={errors.fields.body}
          rows={16}
          hint="Markdown. Use ## headings: they make the table of contents."
        />
        <FormAlert message={errors.form} />
        <p role="status" className="muted">
          {saved}
        </p>
        <div className="editor-form__actions">
          <button type="submit" className="button button--quiet" disabled={busy}>
            {article ? 'Save changes' : 'Save draft'}
          </button>
          {article && status === 'PUBLISHED' ? (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void toggle()}>
              Unpublish
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => void save(true)}>
              Save and publish
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
