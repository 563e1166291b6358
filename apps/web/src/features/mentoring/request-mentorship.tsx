import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { LIMITS } from '@crossroads/shared-domain';
import {
  errorCode,
  PickQuestionsDocument,
  RequestMentorshipDocument,
  useCurrentUser,
} from '@crossroads/web-data-access';
import {
  ActionDialog,
  alertClassName,
  fieldClassName,
  fieldStyles,
  FormAlert,
  TextAreaField,
} from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';
import { useDebounced } from '../qa/use-debounced.js';
import { REQUEST_FIELDS, validateRequestMessage } from './mentoring-validation.js';

export interface RequestTarget {
  handle: string;
  displayName: string;
}
export interface QuestionRef {
  id: string;
  title: string;
}
/** The viewer's open request to this mentor (MentorProfile.viewerOpenRequest). */
export interface OpenRequestRef {
  id: string;
  status: string;
}

/**
 * "Request mentorship": a button opening a react-aria modal Dialog with the request form. Guests
 * get a sign-in link instead; a mentor does not see it on their own profile; while the viewer's
 * request to this mentor is open, it says so and links to it instead (a second would be refused).
 */
export function RequestMentorshipButton({
  mentor,
  question,
  disabledReason,
  openRequest,
  className = 'button',
  label = 'Request mentorship',
}: {
  mentor: RequestTarget;
  question?: QuestionRef | null;
  disabledReason?: string | null;
  openRequest?: OpenRequestRef | null;
  className?: string;
  label?: string;
}) {
  const { user, loading } = useCurrentUser();
  const location = useLocation();
  const client = useApolloClient();
  const sent = useRef(false);
  if (loading) return null;
  if (!user) {
    return (
      <Link className={className} to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
        Sign in to request mentorship<span className="visually-hidden"> from {mentor.displayName}</span>
      </Link>
    );
  }
  if (user.handle === mentor.handle) return null;
  if (openRequest) {
    return (
      <p className="request-open">
        <span className={`status-pill status-pill--${openRequest.status.toLowerCase()}`}>
          {openRequest.status === 'ACCEPTED' ? 'Mentorship in progress' : 'Request pending'}
        </span>{' '}
        <Link
          to={`/mentorships?tab=mentee#request-${encodeURIComponent(openRequest.id)}`}
          // Just sent from here: the button that opened the dialog is gone, so focus lands on its successor.
          ref={(el) => {
            if (el && sent.current) {
              sent.current = false;
              el.focus();
            }
          }}
        >
          View your request<span className="visually-hidden"> to {mentor.displayName}</span>
        </Link>
      </p>
    );
  }
  if (disabledReason) return <p className="muted mentor-unavailable">{disabledReason}</p>;
  return (
    <ActionDialog
      className={className}
      label={label}
      aria-label={label === 'Request mentorship' ? `Request mentorship from ${mentor.displayName}` : undefined}
      title={`Request mentorship from ${mentor.displayName}`}
      onOpenChange={(isOpen) => {
        // Once the confirmation is closed, the pages showing this mentor ask again and say "Request pending".
        if (!isOpen && sent.current) void client.refetchQueries({ include: ['MentorProfile', 'QuestionPage'] });
      }}
    >
      {(close) => (
        <RequestMentorshipForm
          mentor={mentor}
          question={question ?? null}
          onClose={close}
          onSent={() => {
            sent.current = true;
          }}
        />
      )}
    </ActionDialog>
  );
}

/** The request form (inside the dialog): a message of 20–2,000 characters and an optional question. */
export function RequestMentorshipForm({
  mentor,
  question,
  onClose,
  onSent,
}: {
  mentor: RequestTarget;
  question: QuestionRef | null;
  onClose: () => void;
  onSent?: () => void;
}) {
  const [request] = useMutation(RequestMentorshipDocument);
  const [picked, setPicked] = useState<QuestionRef | null>(question);
  const [blocked, setBlocked] = useState<{ title: string; message: string } | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm({
    fields: REQUEST_FIELDS,
    initial: { message: '', questionId: question?.id ?? '' },
    validate: (v) => ({ message: validateRequestMessage(v.message) }),
    submit: async (v) => {
      setBlocked(null);
      try {
        await request({
          variables: {
            input: { mentorHandle: mentor.handle, message: v.message.trim(), questionId: picked?.id ?? null },
          },
        });
        setSent(true);
        onSent?.();
      } catch (e) {
        const code = errorCode(e);
        const field = CombinedGraphQLErrors.is(e)
          ? String(e.errors[0]?.extensions?.['field'] ?? '').replace(/^input\./, '')
          : '';
        if (
          (code === 'CONFLICT' || code === 'FORBIDDEN') &&
          CombinedGraphQLErrors.is(e) &&
          !(REQUEST_FIELDS as readonly string[]).includes(field)
        ) {
          setBlocked({
            title: code === 'CONFLICT' ? 'This request cannot be sent right now' : 'You cannot send this request',
            message: e.errors[0]?.message ?? '',
          });
          return;
        }
        throw e;
      }
    },
  });
  // A callback ref, destructured: render reads no ref through `form`.
  const { setFormElement } = form;

  if (sent) {
    return (
      <div className="dialog__body" role="status">
        <p>
          Your request was sent to {mentor.displayName}. They have {LIMITS.mentoring.requestExpiryDays} days to answer;
          you will find it under <Link to="/mentorships">My mentorships</Link>.
        </p>
        <p className="dialog__actions">
          <Button className="button" onPress={onClose} autoFocus>
            Close
          </Button>
        </p>
      </div>
    );
  }

  const { min, max } = LIMITS.mentoring.requestMessage;
  return (
    <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate className="dialog__body request-form">
      <FormAlert message={form.errors.form} />
      {blocked ? (
        <div className={alertClassName} role="alert" data-testid="request-blocked">
          <strong>{blocked.title}.</strong> {blocked.message}
        </div>
      ) : null}
      <TextAreaField
        name="message"
        label="Message"
        rows={6}
        value={form.values.message}
        onChange={form.onChange}
        error={form.errors.fields.message}
        hint={`Where you are, where you want to go, and how ${mentor.displayName} could help: ${min}–${max.toLocaleString('en')} characters (${form.values.message.trim().length} so far).`}
      />
      <QuestionPicker value={picked} onChange={setPicked} error={form.errors.fields.questionId} />
      <p className="dialog__actions">
        <Button type="submit" className="button" isDisabled={form.submitting}>
          {form.submitting ? 'Sending…' : 'Send request'}
        </Button>
        <Button className="button button--quiet" onPress={onClose}>
          Cancel
        </Button>
      </p>
    </form>
  );
}

/** Picks a question by searching titles (react-aria ComboBox); optional. */
export function QuestionPicker({
  value,
  onChange,
  error,
  label = 'Question (optional)',
  hint = 'Link the question you would like help with, if there is one.',
  excludeId,
  name = 'questionId',
}: {
  value: QuestionRef | null;
  onChange: (q: QuestionRef | null) => void;
  error?: string | undefined;
  label?: string;
  hint?: string;
  excludeId?: string;
  name?: string;
}) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const { data } = useQuery(PickQuestionsDocument, { variables: { search }, skip: search.length < 2 });
  const items = (data?.questions.edges.map((e) => ({ id: e.node.id, title: e.node.title })) ?? []).filter(
    (q) => q.id !== excludeId,
  );
  if (value) {
    return (
      <div className={fieldStyles.field}>
        <p className={fieldStyles.label} id={`${name}-picked`}>
          {label}
        </p>
        <p className="picked-question">
          <Link to={`/q/${encodeURIComponent(value.id)}`} target="_blank">
            {value.title} <span className="visually-hidden">(opens in a new tab)</span>
          </Link>{' '}
          <Button
            className="button button--quiet button--small"
            onPress={() => onChange(null)}
            aria-label={`Remove the question “${value.title}”`}
          >
            Remove
          </Button>
        </p>
      </div>
    );
  }
  return (
    <ComboBox
      className={fieldClassName(!!error)}
      items={items}
      inputValue={text}
      onInputChange={setText}
      onSelectionChange={(key) => {
        const q = items.find((i) => i.id === key);
        if (q) onChange(q);
      }}
      allowsEmptyCollection
      menuTrigger="input"
      isInvalid={Boolean(error)}
    >
      <Label className={fieldStyles.label}>{label}</Label>
      <Input className={fieldStyles.input} name={name} placeholder="Search questions by title" />
      <Text slot="description" className={fieldStyles.hint}>
        {hint}
      </Text>
      {error ? (
        <Text slot="errorMessage" className={fieldStyles.error} data-field-error>
          {error}
        </Text>
      ) : null}
      <Popover className="combo-popover" placement="bottom start">
        <ListBox
          className="combo-list"
          renderEmptyState={() => (
            <p className="combo-empty">{search.length < 2 ? 'Type to search.' : 'No question matches.'}</p>
          )}
        >
          {(item: QuestionRef) => (
            <ListBoxItem id={item.id} textValue={item.title} className="combo-item">
              {item.title}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
