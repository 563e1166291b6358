import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { LIMITS } from '@crossroads/shared-domain';
import {
  CloseQuestionDocument,
  DeletePostDocument,
  EditAnswerDocument,
  EditQuestionDocument,
  FlagPostDocument,
  HidePostDocument,
  ReopenQuestionDocument,
  errorText,
  type CloseReason,
  type FlagReason,
  type PostType,
} from '@crossroads/web-data-access';
import {
  ActionDialog,
  alertClassName,
  DialogActions,
  fieldStyles,
  FormAlert,
  MarkdownEditor,
  TagInput,
  TextAreaField,
  TextField,
} from '@crossroads/web-ui';
import { enumOptions } from '../../ui/enum-options.js';
import { REASON_LENGTH, reasonProblem } from '../../ui/moderation-reason.js';
import { useForm } from '../../ui/use-form.js';
import { QuestionPicker, type QuestionRef } from '../mentoring/request-mentorship.js';
import { tagProblem, validateAnswer, validateAsk } from './qa-validation.js';
import { useTagSuggestions } from './use-tag-suggestions.js';

export interface PostSourceInfo {
  site: string;
  url: string;
  authorName: string;
  authorUrl: string | null;
  license: string;
  licenseUrl: string;
}

/** Stack Exchange attribution (CC BY-SA) for an imported post. */
export function SourceAttribution({ source }: { source: PostSourceInfo | null | undefined }) {
  if (!source) return null;
  const rel = 'noopener noreferrer nofollow';
  return (
    <p className="attribution">
      From{' '}
      <a href={source.url} rel={rel}>
        {source.site}
      </a>
      , by{' '}
      {source.authorUrl ? (
        <a href={source.authorUrl} rel={rel}>
          {source.authorName}
        </a>
      ) : (
        source.authorName
      )}
      , licensed{' '}
      <a href={source.licenseUrl} rel="license noopener noreferrer">
        {source.license}
      </a>
    </p>
  );
}

const NOUN: Record<PostType, string> = { QUESTION: 'question', ANSWER: 'answer', COMMENT: 'comment' };

/** A reason picked from radio buttons, its error below. */
function ChoiceGroup({
  label,
  options,
  value,
  onChange,
  error,
}: {
  label: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <>
      <RadioGroup value={value} onChange={onChange} className="radio-group" isInvalid={Boolean(error)}>
        <Label className={fieldStyles.label}>{label}</Label>
        {options.map((o) => (
          <Radio key={o.value} value={o.value} className="radio">
            {o.label}
          </Radio>
        ))}
      </RadioGroup>
      {error ? (
        <p className={fieldStyles.error} data-field-error>
          {error}
        </p>
      ) : null}
    </>
  );
}

const FLAG_REASONS = enumOptions<FlagReason>({
  SPAM: 'Spam or advertising',
  RUDE: 'Rude or abusive',
  OFF_TOPIC: 'Off-topic',
  NEEDS_IMPROVEMENT: 'Needs improvement',
  OTHER: 'Something else',
});

export function FlagButton({ targetId, targetType }: { targetId: string; targetType: PostType }) {
  return (
    <ActionDialog
      label={
        <>
          Flag<span className="visually-hidden"> this {NOUN[targetType]}</span>
        </>
      }
      title={`Flag this ${NOUN[targetType]}`}
    >
      {(close) => <FlagForm targetId={targetId} targetType={targetType} close={close} />}
    </ActionDialog>
  );
}

function FlagForm({ targetId, targetType, close }: { targetId: string; targetType: PostType; close: () => void }) {
  const [flag, { loading }] = useMutation(FlagPostDocument);
  const [reason, setReason] = useState<string>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; text?: string | null; form?: string }>({});
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <div className="dialog__body" role="status">
        <p>Thank you. Moderators will look at this {NOUN[targetType]}.</p>
        <p className="dialog__actions">
          <Button className="button" onPress={close} autoFocus>
            Close
          </Button>
        </p>
      </div>
    );
  }
  const submit = async () => {
    const next = {
      reason: reason ? undefined : 'Choose a reason.',
      text: reason === 'OTHER' ? reasonProblem(text, true) : null,
    };
    if (next.reason || next.text) return setErrors(next);
    setErrors({});
    try {
      await flag({
        variables: {
          input: { targetId, targetType, reason: reason as FlagReason, text: reason === 'OTHER' ? text.trim() : null },
        },
      });
      setDone(true);
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };
  return (
    <form
      className="dialog__body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormAlert message={errors.form} />
      <ChoiceGroup label="Why?" options={FLAG_REASONS} value={reason} onChange={setReason} error={errors.reason} />
      {reason === 'OTHER' ? (
        <TextAreaField
          label="What is wrong?"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          hint={`${REASON_LENGTH}, seen by moderators.`}
        />
      ) : null}
      <DialogActions submitLabel="Send flag" busy={loading} onCancel={close} />
    </form>
  );
}

/** Author: delete your own post (a moderator can restore it). */
export function DeleteButton({
  targetId,
  targetType,
  onDone,
}: {
  targetId: string;
  targetType: PostType;
  onDone: () => Promise<unknown> | void;
}) {
  return (
    <ActionDialog
      label={
        <>
          Delete<span className="visually-hidden"> this {NOUN[targetType]}</span>
        </>
      }
      title={`Delete this ${NOUN[targetType]}?`}
    >
      {(close) => (
        <ReasonAction targetId={targetId} targetType={targetType} close={close} onDone={onDone} kind="delete" />
      )}
    </ActionDialog>
  );
}

/** Moderator: hide any post with a reason. */
export function HideButton({
  targetId,
  targetType,
  onDone,
}: {
  targetId: string;
  targetType: PostType;
  onDone: () => Promise<unknown> | void;
}) {
  return (
    <ActionDialog
      label={
        <>
          Hide<span className="visually-hidden"> this {NOUN[targetType]}</span>
        </>
      }
      title={`Hide this ${NOUN[targetType]}`}
    >
      {(close) => (
        <ReasonAction targetId={targetId} targetType={targetType} close={close} onDone={onDone} kind="hide" />
      )}
    </ActionDialog>
  );
}

function ReasonAction({
  targetId,
  targetType,
  close,
  onDone,
  kind,
}: {
  targetId: string;
  targetType: PostType;
  close: () => void;
  onDone: () => Promise<unknown> | void;
  kind: 'hide' | 'delete';
}) {
  const [del, deleting] = useMutation(DeletePostDocument);
  const [hide, hiding] = useMutation(HidePostDocument);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const problem = reasonProblem(text, kind === 'hide');
    if (problem) return setError(problem);
    setError(null);
    try {
      const input = { targetId, targetType, reason: text.trim() || null };
      if (kind === 'hide') await hide({ variables: { input: { ...input, reason: text.trim() } } });
      else await del({ variables: { input } });
      close();
      await onDone();
    } catch (e) {
      setFormError(errorText(e));
    }
  };
  return (
    <form
      className="dialog__body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormAlert message={formError} />
      <p>
        {kind === 'delete'
          ? `The ${NOUN[targetType]} disappears for everyone. Only a moderator can restore it.`
          : `The ${NOUN[targetType]} is hidden from everyone until a moderator restores it.`}
      </p>
      <TextAreaField
        label={kind === 'hide' ? 'Reason' : 'Reason (optional)'}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={error}
        hint={`${REASON_LENGTH}, kept for moderators.`}
      />
      <DialogActions
        submitLabel={kind === 'delete' ? 'Delete' : 'Hide'}
        danger
        busy={deleting.loading || hiding.loading}
        onCancel={close}
      />
    </form>
  );
}

const CLOSE_REASONS = enumOptions<CloseReason>({
  DUPLICATE: 'Duplicate of another question',
  OFF_TOPIC: 'Off-topic',
  UNCLEAR: 'Unclear: needs details',
});

/** Moderator: close (with reason, duplicate-of) or reopen a question. */
export function CloseReopen({
  questionId,
  closed,
  onDone,
}: {
  questionId: string;
  closed: boolean;
  onDone: () => Promise<unknown>;
}) {
  const [reopen, reopening] = useMutation(ReopenQuestionDocument);
  const [problem, setProblem] = useState<string | null>(null);
  if (closed) {
    return (
      <>
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={reopening.loading}
          onClick={() => {
            setProblem(null);
            reopen({ variables: { id: questionId } }).then(onDone, (e: unknown) => setProblem(errorText(e)));
          }}
        >
          Reopen
        </button>
        {problem ? (
          <span className={alertClassName} role="alert">
            {problem}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <ActionDialog label="Close" title="Close this question">
      {(close) => <CloseForm questionId={questionId} close={close} onDone={onDone} />}
    </ActionDialog>
  );
}

function CloseForm({
  questionId,
  close,
  onDone,
}: {
  questionId: string;
  close: () => void;
  onDone: () => Promise<unknown>;
}) {
  const [closeQuestion, { loading }] = useMutation(CloseQuestionDocument);
  const [reason, setReason] = useState('');
  const [dup, setDup] = useState<QuestionRef | null>(null);
  const [errors, setErrors] = useState<{ reason?: string | undefined; dup?: string | undefined; form?: string }>({});
  const submit = async () => {
    const next = {
      reason: reason ? undefined : 'Choose a reason.',
      dup: reason === 'DUPLICATE' && !dup ? 'Pick the question this one duplicates.' : undefined,
    };
    if (next.reason || next.dup) return setErrors(next);
    setErrors({});
    try {
      await closeQuestion({
        variables: {
          input: {
            id: questionId,
            reason: reason as CloseReason,
            duplicateOfId: reason === 'DUPLICATE' ? (dup?.id ?? null) : null,
          },
        },
      });
      close();
      await onDone();
    } catch (e) {
      setErrors({ form: errorText(e) });
    }
  };
  return (
    <form
      className="dialog__body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormAlert message={errors.form} />
      <ChoiceGroup label="Reason" options={CLOSE_REASONS} value={reason} onChange={setReason} error={errors.reason} />
      {reason === 'DUPLICATE' ? (
        <QuestionPicker
          value={dup}
          onChange={setDup}
          error={errors.dup}
          label="Duplicate of"
          hint="Search for the original question."
          excludeId={questionId}
          name="duplicateOf"
        />
      ) : null}
      <DialogActions submitLabel="Close question" busy={loading} onCancel={close} />
    </form>
  );
}

const EDIT_Q_FIELDS = ['title', 'body', 'tags'] as const;

/** The author edits their question with the ask form's fields. */
export function EditQuestionForm({
  q,
  onDone,
}: {
  q: { id: string; title: string; body: string; tags: { name: string }[] };
  onDone: () => void;
}) {
  const [edit] = useMutation(EditQuestionDocument);
  const [tags, setTags] = useState(q.tags.map((t) => t.name));
  const [tagText, setTagText] = useState('');
  const tagSuggestions = useTagSuggestions(tagText);
  const form = useForm({
    fields: EDIT_Q_FIELDS,
    initial: { title: q.title, body: q.body, tags: '' },
    validate: (v) => validateAsk({ title: v.title, body: v.body, tags }),
    submit: async (v) => {
      await edit({ variables: { input: { id: q.id, title: v.title.trim(), body: v.body.trim(), tags } } });
      onDone();
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;
  const L = LIMITS.question;
  return (
    <form
      ref={setFormElement}
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="edit-form"
      aria-label="Edit your question"
    >
      <FormAlert message={form.errors.form} />
      <TextField
        name="title"
        label="Title"
        value={form.values.title}
        onChange={form.onChange}
        error={form.errors.fields.title}
        hint={`${L.title.min}–${L.title.max} characters.`}
      />
      <MarkdownEditor
        name="body"
        label="Details"
        value={form.values.body}
        onChange={form.onChange}
        error={form.errors.fields.body}
        hint={`Markdown, ${L.body.min}–${L.body.max.toLocaleString('en')} characters.`}
        rows={10}
      />
      <TagInput
        name="tags"
        label="Tags"
        value={tags}
        onChange={setTags}
        suggestions={tagSuggestions}
        onInputChange={setTagText}
        max={L.tags.max}
        validateTag={tagProblem}
        error={form.errors.fields.tags}
      />
      <p className="dialog__actions">
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save edits'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}

const EDIT_A_FIELDS = ['body'] as const;

export function EditAnswerForm({ a, onDone }: { a: { id: string; body: string }; onDone: () => void }) {
  const [edit] = useMutation(EditAnswerDocument);
  const form = useForm({
    fields: EDIT_A_FIELDS,
    initial: { body: a.body },
    validate: (v) => ({ body: validateAnswer(v.body) }),
    submit: async (v) => {
      await edit({ variables: { input: { id: a.id, body: v.body.trim() } } });
      onDone();
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;
  return (
    <form
      ref={setFormElement}
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="edit-form"
      aria-label="Edit your answer"
    >
      <FormAlert message={form.errors.form} />
      <MarkdownEditor
        name="body"
        label="Answer"
        value={form.values.body}
        onChange={form.onChange}
        error={form.errors.fields.body}
        rows={8}
      />
      <p className="dialog__actions">
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save edits'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}

/** After the author deletes the question: back to the feed. */
export function useGoHome() {
  const navigate = useNavigate();
  return () => navigate('/');
}
