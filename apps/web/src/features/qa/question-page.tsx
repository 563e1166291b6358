import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LIMITS } from '@crossroads/shared-domain';
import {
  errorText,
  AcceptAnswerDocument,
  FollowQuestionDocument,
  UnfollowQuestionDocument,
  PostAnswerDocument,
  QuestionMoreAnswersDocument,
  QuestionPageDocument,
  UnacceptAnswerDocument,
  useCurrentUser,
  type SessionUserFragment,
} from '@crossroads/web-data-access';
import {
  EmptyState,
  FollowButton,
  FormAlert,
  Loading,
  LoadMoreList,
  MarkdownEditor,
  RelativeTime,
  TagChips,
} from '@crossroads/web-ui';
import { useState } from 'react';
import { userCan } from '../../ui/require-permission.js';
import { useForm } from '../../ui/use-form.js';
import { MessagePage } from '../../pages/message-page.js';
import { CommentThread, PostBody, PostVote, RevisionHistory, type PageAnswer } from './post-parts.js';
import {
  CloseReopen,
  DeleteButton,
  EditAnswerForm,
  EditQuestionForm,
  FlagButton,
  HideButton,
  SourceAttribution,
} from './post-actions.js';
import { SuggestedMentors } from '../mentoring/suggested-mentors.js';

import { validateAnswer } from './qa-validation.js';
import { LiveQuestionActivity, useScrollToHash } from './live-activity.js';

export function QuestionPage() {
  const { id = '' } = useParams();
  const { user: viewer } = useCurrentUser();
  const { data, loading, error, refetch, fetchMore } = useQuery(QuestionPageDocument, { variables: { id } });
  const q = data?.question;
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const [follow] = useMutation(FollowQuestionDocument);
  const [unfollow] = useMutation(UnfollowQuestionDocument);
  useScrollToHash(Boolean(q));

  if (loading && !q) {
    return <Loading>Loading the question…</Loading>;
  }
  const notFound =
    (!q && !error) ||
    (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND'));
  if (notFound || !q) {
    if (!notFound) {
      return (
        <MessagePage title="This question could not be loaded" tabTitle="Error">
          <p>Something went wrong while loading it. Check your connection and try again.</p>
          <p>
            <button type="button" className="button" onClick={() => void refetch()}>
              Try again
            </button>
          </p>
        </MessagePage>
      );
    }
    return (
      <MessagePage title="Question not found" tabTitle="Question not found">
        <p>This question does not exist, or it was removed. The link may be mistyped.</p>
        <p>
          <Link to="/" className="button">
            Browse questions
          </Link>
        </p>
      </MessagePage>
    );
  }

  const isAsker = viewer?.id === q.author.id;
  const staff = staffOf(viewer);
  const answers = q.answers.edges.map((e) => e.node);

  return (
    <article className="question-page">
      <title>{`${q.title} · Crossroads`}</title>
      <LiveQuestionActivity questionId={q.id} viewerId={viewer?.id} refetch={refetch} />
      <header className="question-page__header">
        <h1>{q.title}</h1>
        <p className="muted question-page__facts">
          <RelativeTime iso={q.createdAt} prefix="Asked" /> · <RelativeTime iso={q.lastActivityAt} prefix="active" /> ·{' '}
          {q.viewCount.toLocaleString('en')} {q.viewCount === 1 ? 'view' : 'views'}
          {q.status === 'CLOSED' ? (
            <strong> · Closed{q.closeReason ? ` (${q.closeReason.toLowerCase().replace('_', ' ')})` : ''}</strong>
          ) : null}
        </p>
        <FollowButton
          following={q.viewerFollows}
          followerCount={q.followerCount}
          what="this question"
          disabledReason={viewer ? null : 'Sign in to follow questions.'}
          onToggle={(on) => (on ? follow({ variables: { id: q.id } }) : unfollow({ variables: { id: q.id } }))}
        />
        {q.article ? (
          <p className="guide-link">
            <span aria-hidden="true">📘 </span>This thread became a guide:{' '}
            <Link to={`/help/articles/${encodeURIComponent(q.article.slug)}`}>Read the guide: {q.article.title}</Link>
          </p>
        ) : null}
      </header>

      <div className="post">
        <PostVote
          id={q.id}
          type="QUESTION"
          score={q.score}
          viewerVote={q.viewerVote}
          viewer={viewer}
          authorId={q.author.id}
        />
        <div className="post__main">
          {editing ? (
            <EditQuestionForm
              q={q}
              onDone={() => {
                setEditing(false);
              }}
            />
          ) : (
            <>
              <PostBody body={q.body} author={q.author} createdAt={q.createdAt} verb="asked" />
              <SourceAttribution source={q.source} />
              <TagChips tags={q.tags} />
            </>
          )}
          <div className="post-actions" role="group" aria-label="Question actions">
            {(isAsker || staff.editAny) && !editing ? (
              <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
                Edit<span className="visually-hidden"> this question</span>
              </button>
            ) : null}
            {isAsker ? <DeleteButton targetId={q.id} targetType="QUESTION" onDone={() => navigate('/')} /> : null}
            {viewer && !isAsker ? <FlagButton targetId={q.id} targetType="QUESTION" /> : null}
            {staff.close ? <CloseReopen questionId={q.id} closed={q.status === 'CLOSED'} onDone={refetch} /> : null}
            {staff.hide ? <HideButton targetId={q.id} targetType="QUESTION" onDone={() => navigate('/')} /> : null}
          </div>
          {q.revisions.length > 0 ? <RevisionHistory questionId={q.id} postId={q.id} level={2} /> : null}
          <CommentThread
            targetId={q.id}
            targetType="QUESTION"
            comments={q.comments}
            viewer={viewer}
            onPublished={refetch}
          />
        </div>
      </div>

      {/* Answers first; the mentors sit beside them on wide screens, after them on narrow ones (CSS grid). */}
      <div className="question-page__layout">
        <section className="answers" aria-labelledby="answers-title">
          <h2 id="answers-title">
            {q.answers.totalCount} {q.answers.totalCount === 1 ? 'answer' : 'answers'}
          </h2>
          {answers.length === 0 ? <EmptyState>No answers yet. Do you know? Share what you learned.</EmptyState> : null}
          {/* The next page lands in the cached Question.answers (appended by its keyset field policy). */}
          <LoadMoreList
            pageInfo={q.answers.pageInfo}
            label="Load more answers"
            moreClassName="answers__more"
            onLoadMore={(after) =>
              fetchMore({ query: QuestionMoreAnswersDocument, variables: { id: q.id, after: after ?? undefined } })
            }
          >
            <ol className="answer-list">
              {answers.map((a) => (
                <AnswerView
                  key={a.id}
                  a={a}
                  questionId={q.id}
                  isAsker={isAsker}
                  staff={staff}
                  viewer={viewer}
                  refetch={refetch}
                />
              ))}
            </ol>
          </LoadMoreList>
        </section>

        <SuggestedMentors suggestions={q.mentorSuggestions} question={{ id: q.id, title: q.title }} />

        {q.status === 'CLOSED' ? (
          <p className="notice">This question is closed and takes no new answers.</p>
        ) : viewer ? (
          <AnswerForm questionId={q.id} onPosted={refetch} />
        ) : (
          <SignInToAnswer />
        )}
      </div>
    </article>
  );
}

function SignInToAnswer() {
  const location = useLocation();
  const next = encodeURIComponent(location.pathname);
  return (
    <section className="answer-form answer-form--guest" aria-labelledby="your-answer">
      <h2 id="your-answer">Your answer</h2>
      <p>
        <Link to={`/sign-in?next=${next}`}>Sign in</Link> or <Link to={`/sign-up?next=${next}`}>create an account</Link>{' '}
        to answer this question.
      </p>
    </section>
  );
}

/** What a moderator may do on this page, each by the permission its API checks. */
interface Staff {
  editAny: boolean;
  close: boolean;
  hide: boolean;
}

function staffOf(viewer: SessionUserFragment | null | undefined): Staff {
  return {
    editAny: userCan(viewer, 'post.edit.any'),
    close: userCan(viewer, 'question.close'),
    hide: userCan(viewer, 'post.hide'),
  };
}

function AnswerView({
  a,
  questionId,
  isAsker,
  staff,
  viewer,
  refetch,
}: {
  a: PageAnswer;
  questionId: string;
  isAsker: boolean;
  staff: Staff;
  viewer: SessionUserFragment | null;
  refetch: () => Promise<unknown>;
}) {
  const [accept, acceptState] = useMutation(AcceptAnswerDocument);
  const [unaccept, unacceptState] = useMutation(UnacceptAnswerDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [editing, setEditing] = useState(false);
  const busy = acceptState.loading || unacceptState.loading;
  const isAuthor = viewer?.id === a.author.id;

  const toggle = async () => {
    setProblem(null);
    try {
      const accepting = !a.isAccepted;
      if (accepting) await accept({ variables: { answerId: a.id } });
      else await unaccept({ variables: { questionId } });
      await refetch();
      setSaid(
        accepting
          ? `${a.author.displayName}’s answer is now marked as the one that solved your question.`
          : `${a.author.displayName}’s answer is no longer marked as the solution.`,
      );
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return (
    <li
      id={`answer-${a.id}`}
      tabIndex={-1}
      className={a.isAccepted ? 'post answer answer--accepted' : 'post answer'}
      aria-label={a.isAccepted ? `Accepted answer by ${a.author.displayName}` : `Answer by ${a.author.displayName}`}
    >
      <div className="post__side">
        <PostVote
          id={a.id}
          type="ANSWER"
          score={a.score}
          viewerVote={a.viewerVote}
          viewer={viewer}
          authorId={a.author.id}
        />
        {a.isAccepted ? (
          <p className="accepted-mark" title="Accepted by the asker">
            <span aria-hidden="true">✓</span> Accepted
          </p>
        ) : null}
      </div>
      <div className="post__main">
        {editing ? (
          <EditAnswerForm a={a} onDone={() => setEditing(false)} />
        ) : (
          <>
            <PostBody body={a.body} author={a.author} createdAt={a.createdAt} verb="answered" />
            <SourceAttribution source={a.source} />
          </>
        )}
        <p role="status" className="visually-hidden">
          {said}
        </p>
        <div className="post-actions" role="group" aria-label={`Actions on the answer by ${a.author.displayName}`}>
          {(isAuthor || staff.editAny) && !editing ? (
            <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
              Edit<span className="visually-hidden"> this answer</span>
            </button>
          ) : null}
          {isAuthor ? <DeleteButton targetId={a.id} targetType="ANSWER" onDone={refetch} /> : null}
          {viewer && !isAuthor ? <FlagButton targetId={a.id} targetType="ANSWER" /> : null}
          {staff.hide ? <HideButton targetId={a.id} targetType="ANSWER" onDone={refetch} /> : null}
        </div>
        {isAsker ? (
          <p>
            <button
              type="button"
              className={a.isAccepted ? 'button button--quiet' : 'button'}
              onClick={() => void toggle()}
              disabled={busy}
            >
              {a.isAccepted ? 'Withdraw acceptance' : 'Accept this answer'}
            </button>
          </p>
        ) : null}
        <FormAlert message={problem} />
        {a.revisions.length > 0 ? <RevisionHistory questionId={questionId} postId={a.id} /> : null}
        <CommentThread
          targetId={a.id}
          targetType="ANSWER"
          name={`Comments on the answer by ${a.author.displayName}`}
          comments={a.comments}
          viewer={viewer}
          onPublished={refetch}
        />
      </div>
    </li>
  );
}

const ANSWER_FIELDS = ['body'] as const;

function AnswerForm({ questionId, onPosted }: { questionId: string; onPosted: () => Promise<unknown> }) {
  const [postAnswer] = useMutation(PostAnswerDocument);
  const form = useForm({
    fields: ANSWER_FIELDS,
    initial: { body: '' },
    validate: (v) => ({ body: validateAnswer(v.body) }),
    submit: async (v) => {
      await postAnswer({ variables: { input: { questionId, body: v.body.trim() } } });
      form.reset();
      await onPosted();
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;
  const { min, max } = LIMITS.answer.body;
  return (
    <section className="answer-form" aria-labelledby="your-answer">
      <h2 id="your-answer">Your answer</h2>
      <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate>
        <FormAlert message={form.errors.form} />
        <MarkdownEditor
          name="body"
          label="Answer"
          value={form.values.body}
          onChange={form.onChange}
          error={form.errors.fields.body}
          hint={`Markdown, ${min}–${max.toLocaleString('en')} characters (${form.values.body.trim().length} so far).`}
          rows={8}
        />
        <button type="submit" className="button button--large" disabled={form.submitting}>
          {form.submitting ? 'Posting…' : 'Post your answer'}
        </button>
      </form>
    </section>
  );
}
