import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';

type PageQuestion = NonNullable<QuestionPageQuery['question']>;
export type PageAnswer = PageQuestion['answers']['edges'][number]['node'];
type CommentPage = PageQuestion['comments'] | PageAnswer['comments'];
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { LIMITS } from '@crossroads/shared-domain';
import {
  AddCommentDocument,
  HeldCommentsDocument,
  PostRevisionsDocument,
  VoteDocument,
  type CommentItemFragment,
  type PostType,
  type QuestionPageQuery,
  type SessionUserFragment,
} from '@crossroads/web-data-access';
import {
  fieldClassName,
  fieldStyles,
  FormAlert,
  GuestBadge,
  MarkdownView,
  PlainText,
  RelativeTime,
  TextField,
  UserBadge,
  VoteButton,
} from '@crossroads/web-ui';
import { userCan } from '../../ui/require-permission.js';
import { useForm } from '../../ui/use-form.js';
import { COMMENT_FIELDS, validateComment } from './qa-validation.js';
import { DeleteButton, FlagButton, HideButton } from './post-actions.js';
import { forgetHeldComments, heldCommentTokens, rememberHeldComment } from './held-comments.js';

/** Votes on a question or answer; the button shows the change at once, the cache takes the server's score. */
export function PostVote({
  id,
  type,
  score,
  viewerVote,
  viewer,
  authorId,
}: {
  id: string;
  type: 'QUESTION' | 'ANSWER';
  score: number;
  viewerVote: number | null;
  viewer: SessionUserFragment | null;
  authorId: string;
}) {
  const [vote] = useMutation(VoteDocument);
  const typename = type === 'QUESTION' ? 'Question' : 'Answer';
  const disabledReason = !viewer
    ? 'Sign in to vote.'
    : viewer.id === authorId
      ? 'You cannot vote on your own post.'
      : null;
  return (
    <VoteButton
      label={type === 'QUESTION' ? 'question' : 'answer'}
      score={score}
      viewerVote={viewerVote}
      disabledReason={disabledReason}
      onVote={async (value) => {
        await vote({
          variables: { input: { targetId: id, targetType: type, value } },
          update(cache, { data }) {
            if (data?.vote == null) return;
            cache.modify({
              id: cache.identify({ __typename: typename, id }),
              fields: { score: () => data.vote, viewerVote: () => value },
            });
          },
        });
      }}
    />
  );
}

/** Earlier versions of a post, newest first, in a disclosure; loaded when opened. */
/** `level`: 2 under the question's h1, 3 inside an answer (under the answers' h2). */
export function RevisionHistory({
  questionId,
  postId,
  level = 3,
}: {
  questionId: string;
  postId: string;
  level?: 2 | 3;
}) {
  const [open, setOpen] = useState(false);
  const { data, loading } = useQuery(PostRevisionsDocument, { variables: { id: questionId }, skip: !open });
  const q = data?.question;
  const revisions: {
    id: string;
    body: string;
    createdAt: string;
    title?: string | null;
    tags?: string[] | null;
    editor: Parameters<typeof UserBadge>[0]['user'];
  }[] = !q
    ? []
    : postId === q.id
      ? q.revisions
      : (q.answers.edges.find((e) => e.node.id === postId)?.node.revisions ?? []);
  return (
    <Disclosure className="disclosure revisions" isExpanded={open} onExpandedChange={setOpen}>
      <Heading level={level} className="disclosure__heading">
        <Button slot="trigger" className="disclosure__trigger">
          Edit history
        </Button>
      </Heading>
      <DisclosurePanel className="disclosure__panel">
        {loading && !q ? (
          <p className="muted" role="status">
            Loading…
          </p>
        ) : revisions.length === 0 ? (
          <p className="muted">Not edited since it was posted.</p>
        ) : (
          <ol className="revision-list">
            {revisions.map((r) => (
              <li key={r.id} className="revision">
                <p className="revision__meta">
                  Edited by <UserBadge user={r.editor} /> <RelativeTime iso={r.createdAt} />. Before the edit:
                </p>
                {r.title ? <p className="revision__title">{r.title}</p> : null}
                <MarkdownView source={r.body} className="revision__body" />
                {r.tags ? <p className="muted">Tags: {r.tags.join(', ')}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </DisclosurePanel>
    </Disclosure>
  );
}

function CommentLine({
  c,
  held,
  viewer,
  onChanged,
}: {
  c: CommentItemFragment | CommentPage['edges'][number]['node'];
  held?: boolean;
  viewer?: SessionUserFragment | null;
  onChanged?: () => Promise<unknown>;
}) {
  const own = Boolean(viewer && c.author && viewer.id === c.author.id);
  const canHide = userCan(viewer, 'post.hide');
  return (
    <li
      id={held ? undefined : `comment-${c.id}`}
      tabIndex={held ? undefined : -1}
      className={held ? 'comment comment--held' : 'comment'}
    >
      <span className="comment__body">
        <PlainText text={c.body} />
      </span>{' '}
      <span className="comment__meta">
        — {c.author ? <UserBadge user={c.author} /> : <GuestBadge name={c.guestName ?? 'Guest'} />}{' '}
        <RelativeTime iso={c.createdAt} />
      </span>
      {viewer && !held ? (
        <span className="comment__actions">
          {own ? (
            <DeleteButton targetId={c.id} targetType="COMMENT" onDone={() => onChanged?.()} />
          ) : (
            <FlagButton targetId={c.id} targetType="COMMENT" />
          )}
          {canHide ? <HideButton targetId={c.id} targetType="COMMENT" onDone={() => onChanged?.()} /> : null}
        </span>
      ) : null}
      {held ? (
        <p className="comment__notice" role="status">
          Your comment is awaiting moderation. It will appear for everyone once a moderator approves it.
        </p>
      ) : null}
    </li>
  );
}

/** Published comments under a post, the viewer's held ones (with a notice), and the add-comment form. */
export function CommentThread({
  targetId,
  targetType,
  comments,
  viewer,
  onPublished,
  name,
}: {
  /** The region's name; each answer's must differ ("Comments on the answer by …"). */
  name?: string;
  targetId: string;
  targetType: PostType;
  comments: CommentPage;
  viewer: SessionUserFragment | null;
  onPublished: () => Promise<unknown>;
}) {
  const [held, setHeld] = useState<CommentItemFragment[]>([]);
  // One's held comments from earlier visits (tokens kept in this browser), still waiting.
  const [tokens] = useState(() => heldCommentTokens(targetId));
  const { data: heldData } = useQuery(HeldCommentsDocument, {
    variables: { tokens },
    skip: tokens.length === 0,
    fetchPolicy: 'network-only',
    context: { privateRead: true },
  });
  useEffect(() => {
    if (!heldData) return;
    // A token is "<comment id>.<signature>": those whose comment is no longer listed were decided.
    forgetHeldComments(tokens.filter((t) => !heldData.heldComments.some((c) => t.startsWith(`${c.id}.`))));
  }, [heldData, tokens]);
  const published = new Set(comments.edges.map(({ node }) => node.id));
  const shownHeld = [...(heldData?.heldComments ?? []), ...held].filter(
    (c, i, all) => !published.has(c.id) && all.findIndex((o) => o.id === c.id) === i,
  );
  const label = targetType === 'QUESTION' ? 'question' : 'answer';
  return (
    <section className="comments" aria-label={name ?? `Comments on this ${label}`}>
      {comments.edges.length + shownHeld.length > 0 ? (
        <ul className="comment-list">
          {comments.edges.map(({ node }) => (
            <CommentLine key={node.id} c={node} viewer={viewer} onChanged={onPublished} />
          ))}
          {shownHeld.map((c) => (
            <CommentLine key={c.id} c={c} held />
          ))}
        </ul>
      ) : null}
      <Disclosure className="disclosure comment-add">
        <Heading level={3} className="disclosure__heading">
          <Button slot="trigger" className="button button--quiet button--small">
            Add a comment
          </Button>
        </Heading>
        <DisclosurePanel className="disclosure__panel">
          <CommentForm
            targetId={targetId}
            targetType={targetType}
            viewer={viewer}
            onAdded={async (c) => {
              if (c.status === 'PUBLISHED') await onPublished();
              else {
                if (c.heldToken) rememberHeldComment(targetId, c.heldToken);
                setHeld((h) => [...h, c]);
              }
            }}
          />
        </DisclosurePanel>
      </Disclosure>
    </section>
  );
}

function CommentForm({
  targetId,
  targetType,
  viewer,
  onAdded,
}: {
  targetId: string;
  targetType: PostType;
  viewer: SessionUserFragment | null;
  onAdded: (c: CommentItemFragment & { heldToken?: string | null }) => Promise<void>;
}) {
  const [addComment] = useMutation(AddCommentDocument);
  const guest = !viewer;
  const [notifyByEmail, setNotifyByEmail] = useState(false);
  const [confirmationSent, setConfirmationSent] = useState(false);
  const bodyId = useId();
  // Honeypot: hidden from people (and from assistive technology), so only bots fill it in.
  const [website, setWebsite] = useState('');
  const form = useForm({
    fields: COMMENT_FIELDS,
    initial: { body: '', guestName: '', guestEmail: '' },
    validate: (v) => validateComment(v, guest),
    submit: async (v) => {
      const { data } = await addComment({
        variables: {
          input: {
            targetId,
            targetType,
            ...(guest && notifyByEmail ? { notifyByEmail: true } : {}),
            body: v.body.trim(),
            ...(guest
              ? { guestName: v.guestName.trim(), guestEmail: v.guestEmail.trim(), ...(website ? { website } : {}) }
              : {}),
          },
        },
      });
      if (data) await onAdded(data.addComment);
      if (data && guest && notifyByEmail) setConfirmationSent(true);
      form.reset();
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;
  const bodyError = form.errors.fields.body;
  return (
    <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate className="comment-form">
      <FormAlert message={form.errors.form} />
      {guest ? (
        <p className="muted comment-form__privacy">
          Your email address will not be published. Required fields are marked *
        </p>
      ) : null}
      <div className={fieldClassName(!!bodyError)}>
        <label htmlFor={bodyId} className={fieldStyles.label}>
          Comment{guest ? ' *' : ''}
        </label>
        <textarea
          id={bodyId}
          name="body"
          className={fieldStyles.input}
          rows={3}
          value={form.values.body}
          onChange={form.onChange}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`${bodyId}-hint${bodyError ? ` ${bodyId}-error` : ''}`}
          required
        />
        {bodyError ? (
          <p id={`${bodyId}-error`} className={fieldStyles.error} data-field-error>
            {bodyError}
          </p>
        ) : null}
        <p id={`${bodyId}-hint`} className={fieldStyles.hint}>
          Plain text, {LIMITS.comment.body.min}–{LIMITS.comment.body.max} characters; links are made clickable.{' '}
          {form.values.body.trim().length}/{LIMITS.comment.body.max}
        </p>
      </div>
      {guest ? (
        <div className="comment-form__guest">
          <TextField
            name="guestName"
            label="Name *"
            autoComplete="name"
            required
            value={form.values.guestName}
            onChange={form.onChange}
            error={form.errors.fields.guestName}
          />
          <TextField
            name="guestEmail"
            label="Email *"
            type="email"
            autoComplete="email"
            required
            value={form.values.guestEmail}
            onChange={form.onChange}
            error={form.errors.fields.guestEmail}
          />
          <label className="comment-form__notify">
            <input
              type="checkbox"
              name="notifyByEmail"
              checked={notifyByEmail}
              onChange={(e) => setNotifyByEmail(e.target.checked)}
            />{' '}
            Notify me of follow-up comments
          </label>
          {confirmationSent ? (
            <p role="status" className="muted comment-form__notify-sent">
              Check your inbox: we sent a link to confirm follow-up comments.
            </p>
          ) : null}
        </div>
      ) : null}
      {guest ? (
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={`${bodyId}-website`}>Website (leave empty)</label>
          <input
            id={`${bodyId}-website`}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={form.submitting}>
        {form.submitting ? 'Posting…' : 'Post comment'}
      </button>
    </form>
  );
}

/** A post's body and its author line. */
export function PostBody({
  body,
  author,
  createdAt,
  verb,
}: {
  body: string;
  author: Parameters<typeof UserBadge>[0]['user'];
  createdAt: string;
  verb: string;
}) {
  return (
    <>
      <MarkdownView source={body} className="post__body" />
      <p className="post__author">
        <RelativeTime iso={createdAt} prefix={verb} /> by <UserBadge user={author} />
      </p>
    </>
  );
}
