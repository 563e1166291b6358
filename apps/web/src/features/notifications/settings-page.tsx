import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  NotificationSettingsDocument,
  SetNotificationSettingDocument,
  type EmailFrequency,
  type NotificationType,
} from '@crossroads/web-data-access';
import { RequireSignIn } from './require-sign-in.js';
import { alertClassName, fieldStyles, LoadError, Loading } from '@crossroads/web-ui';

export const TYPE_LABELS: Record<NotificationType, string> = {
  ANSWER_POSTED: 'Answers to your questions',
  COMMENT_POSTED: 'Comments on your posts',
  ANSWER_ACCEPTED: 'Your answer accepted',
  MENTION: 'Mentions of you',
  MENTORSHIP_REQUESTED: 'Mentorship requests',
  MENTORSHIP_ANSWERED: 'Answers to your mentorship requests',
  MENTORSHIP_EXPIRING: 'Mentorship requests about to expire',
  MENTORSHIP_REVIEWED: 'Reviews of your mentoring',
  MODERATION_DECISION: 'Moderation decisions on your content',
  FOLLOWED_TAG_QUESTION: 'New questions in tags you follow',
  FOLLOWED_QUESTION_ANSWER: 'Answers on questions you follow',
  MATCHED_QUESTION: 'Questions matched to you (mentors)',
  MENTORSHIP_MESSAGE: 'Messages in your mentorships',
  MENTORSHIP_SESSION: 'Mentorship sessions booked or cancelled',
  MENTORSHIP_SESSION_REMINDER: 'Reminders before mentorship sessions',
  MENTORSHIP_REMINDER: 'Reminders of mentorship requests waiting for your answer',
  MENTORSHIP_CHECK_IN: 'Mentorship check-ins (fit and outcomes)',
  MENTORSHIP_ENDED: 'A mentorship ended early',
  MENTORSHIP_CONDUCT: 'Missed or late-cancelled mentorship sessions',
};

export const EMAIL_LABELS: Record<EmailFrequency, string> = {
  INSTANT: 'Instantly',
  DAILY: 'Daily digest',
  WEEKLY: 'Weekly digest',
  OFF: 'Off',
};

/** /settings/notifications: per type, in-app on/off and email frequency, saved on change. */
export function NotificationSettingsPage() {
  return (
    <RequireSignIn>
      <NotificationSettings />
    </RequireSignIn>
  );
}

export function NotificationSettings() {
  const { data, loading, error } = useQuery(NotificationSettingsDocument);
  const [save] = useMutation(SetNotificationSettingDocument);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  const change = async (type: NotificationType, patch: { inApp?: boolean; email?: EmailFrequency }) => {
    setStatus({ text: 'Saving…', problem: false });
    try {
      await save({ variables: { input: { type, ...patch } } });
      setStatus({ text: `Saved: ${TYPE_LABELS[type]}.`, problem: false });
    } catch {
      setStatus({ text: `“${TYPE_LABELS[type]}” could not be saved. Please try again.`, problem: true });
    }
  };

  return (
    <section className="notification-settings" aria-labelledby="settings-title">
      <title>Notification settings · Crossroads</title>
      <h1 id="settings-title">Notification settings</h1>
      <p className="muted">
        Choose what reaches your <Link to="/notifications">inbox</Link> and how often email comes. Changes are saved at
        once. Emails wait while you are active here.
      </p>
      <p role="status" className={status?.problem ? alertClassName : 'settings__status'} data-testid="settings-status">
        {status?.text ?? ''}
      </p>
      {loading && !data ? (
        <Loading>Loading your settings…</Loading>
      ) : error && !data ? (
        <LoadError>Your settings could not be loaded. Reload the page to try again.</LoadError>
      ) : data ? (
        <ul className="settings-list">
          {data.notificationSettings.map((s) => {
            const id = `setting-${s.type.toLowerCase()}`;
            return (
              <li key={s.type} className="settings-row">
                <span className="settings-row__name">{TYPE_LABELS[s.type]}</span>
                <label className="settings-row__inapp">
                  <input
                    type="checkbox"
                    checked={s.inApp}
                    aria-label={`In the app: ${TYPE_LABELS[s.type]}`}
                    onChange={(e) => void change(s.type, { inApp: e.currentTarget.checked })}
                  />{' '}
                  In the app
                </label>
                <span className="settings-row__email">
                  <label htmlFor={`${id}-email`}>Email</label>{' '}
                  <select
                    id={`${id}-email`}
                    className={fieldStyles.input}
                    value={s.email}
                    aria-label={`Email: ${TYPE_LABELS[s.type]}`}
                    onChange={(e) => void change(s.type, { email: e.currentTarget.value as EmailFrequency })}
                  >
                    {(Object.keys(EMAIL_LABELS) as EmailFrequency[]).map((f) => (
                      <option key={f} value={f}>
                        {EMAIL_LABELS[f]}
                      </option>
                    ))}
                  </select>
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
