import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '@crossroads/shared-domain';
import {
  errorText,
  formErrorsFrom,
  LiftSuspensionDocument,
  ModerationLogDocument,
  SuspendUserDocument,
} from '@crossroads/web-data-access';
import { fieldStyles, FormAlert, QueryState, RelativeTime, TextField } from '@crossroads/web-ui';
import { reasonProblem } from '../../ui/moderation-reason.js';

const DAYS = LIMITS.moderation.suspensionDays;

/** /moderation/suspensions: suspend a member (for days or until lifted), lift a suspension, the latest ones. */
export function SuspensionsPage() {
  const [suspend, s] = useMutation(SuspendUserDocument, { refetchQueries: [ModerationLogDocument] });
  const [lift, l] = useMutation(LiftSuspensionDocument, { refetchQueries: [ModerationLogDocument] });
  const [form, setForm] = useState({ handle: '', days: '7', forever: false, reason: '' });
  const [liftForm, setLiftForm] = useState({ handle: '', reason: '' });
  const [errors, setErrors] = useState<{ handle?: string; days?: string; reason?: string; form?: string | null }>({});
  const [liftError, setLiftError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const recent = useQuery(ModerationLogDocument, {
    variables: { first: 10, action: 'SUSPEND', actorHandle: null, targetId: null },
  });

  const onSuspend = async (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof errors = {};
    const handle = form.handle.trim().replace(/^@/, '');
    const days = Number(form.days);
    if (!handle) problems.handle = 'Enter the member’s handle.';
    if (!form.forever && (!Number.isInteger(days) || days < DAYS.min || days > DAYS.max))
      problems.days = `Days must be a whole number from ${DAYS.min} to ${DAYS.max.toLocaleString('en')}.`;
    const reason = reasonProblem(form.reason, true);
    if (reason) problems.reason = reason;
    setErrors(problems);
    setDone(null);
    if (Object.keys(problems).length) return;
    try {
      const { data } = await suspend({
        variables: { input: { handle, days: form.forever ? undefined : days, reason: form.reason.trim() } },
      });
      const sus = data?.suspendUser;
      setDone(
        sus
          ? `@${sus.user?.handle ?? handle} is suspended ${sus.endsAt ? `until ${new Date(sus.endsAt).toLocaleString('en')}` : 'until lifted'}.`
          : null,
      );
      setForm({ handle: '', days: '7', forever: false, reason: '' });
    } catch (err) {
      const mapped = formErrorsFrom(err, ['handle', 'days', 'reason'] as const);
      setErrors({ ...mapped.fields, form: mapped.form });
    }
  };

  const onLift = async (e: FormEvent) => {
    e.preventDefault();
    const handle = liftForm.handle.trim().replace(/^@/, '');
    setLiftError(null);
    setDone(null);
    if (!handle) {
      setLiftError('Enter the member’s handle.');
      return;
    }
    try {
      await lift({ variables: { input: { handle, reason: liftForm.reason.trim() || undefined } } });
      setDone(`The suspension of @${handle} is lifted.`);
      setLiftForm({ handle: '', reason: '' });
    } catch (err) {
      setLiftError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="suspensions-title">
      <title>Suspensions · Moderation · Crossroads</title>
      <h2 id="suspensions-title">Suspensions</h2>
      <p role="status" className={done ? 'notice' : undefined}>
        {done}
      </p>
      <div className="two-columns">
        <form className="panel" onSubmit={(e) => void onSuspend(e)} noValidate aria-labelledby="suspend-title">
          <h3 id="suspend-title">Suspend a member</h3>
          <p className="muted">A suspended member can read, but cannot post, comment, vote or flag.</p>
          <TextField
            name="handle"
            label="Handle"
            value={form.handle}
            onChange={(e) => setForm({ ...form, handle: e.currentTarget.value })}
            error={errors.handle}
            autoComplete="off"
          />
          <TextField
            name="days"
            label="Days"
            type="number"
            min={DAYS.min}
            max={DAYS.max}
            value={form.days}
            disabled={form.forever}
            onChange={(e) => setForm({ ...form, days: e.currentTarget.value })}
            error={errors.days}
          />
          <div className={`${fieldStyles.field} field--check`}>
            <input
              id="suspend-forever"
              type="checkbox"
              checked={form.forever}
              onChange={(e) => setForm({ ...form, forever: e.currentTarget.checked })}
            />
            <label htmlFor="suspend-forever">Forever (until lifted)</label>
          </div>
          <TextField
            name="reason"
            label="Reason"
            hint="Kept in the audit log."
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
            error={errors.reason}
          />
          <FormAlert message={errors.form ?? null} />
          <button type="submit" className="button button--danger" disabled={s.loading}>
            Suspend
          </button>
        </form>
        <form className="panel" onSubmit={(e) => void onLift(e)} noValidate aria-labelledby="lift-title">
          <h3 id="lift-title">Lift a suspension</h3>
          <TextField
            name="liftHandle"
            label="Handle"
            value={liftForm.handle}
            onChange={(e) => setLiftForm({ ...liftForm, handle: e.currentTarget.value })}
            autoComplete="off"
          />
          <TextField
            name="liftReason"
            label="Reason (optional)"
            value={liftForm.reason}
            onChange={(e) => setLiftForm({ ...liftForm, reason: e.currentTarget.value })}
          />
          <FormAlert message={liftError} />
          <button type="submit" className="button" disabled={l.loading}>
            Lift suspension
          </button>
        </form>
      </div>
      <h3>Recent suspensions</h3>
      <QueryState
        data={recent.data?.moderationLog}
        loading={recent.loading}
        error={recent.error}
        errorText="The recent suspensions could not be loaded."
        isEmpty={(l) => l.edges.length === 0}
        empty="No suspensions yet."
      >
        {(l) => (
          <ul className="result-list">
            {l.edges.map(({ node }) => (
              <li key={node.id} className="result-item">
                <RelativeTime iso={node.createdAt} /> by {node.actor ? `@${node.actor.handle}` : 'system'}:{' '}
                {node.reason ?? 'no reason'}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
