import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type ChangeEvent } from 'react';
import { AVATAR, LIMITS } from '@crossroads/shared-domain';
import {
  MyProfileDocument,
  RemoveAvatarDocument,
  UpdateProfileDocument,
  useAuthSession,
  type OwnProfileFragment,
} from '@crossroads/web-data-access';
import { alertClassName, Avatar, fieldStyles, FormAlert, TextAreaField, TextField } from '@crossroads/web-ui';
import { useForm } from '../../ui/use-form.js';

const FIELDS = ['displayName', 'bio', 'location', 'links'] as const;
const ACCEPT = AVATAR.types.join(',');

/** /settings/profile: name, bio, location, links and the avatar. */
export function ProfileSettings() {
  const { data, loading } = useQuery(MyProfileDocument);
  const me = data?.me;
  return (
    <section aria-labelledby="profile-title">
      <title>Profile settings · Crossroads</title>
      <h1 id="profile-title">Profile</h1>
      {loading && !me ? (
        <p role="status">Loading your profile…</p>
      ) : me ? (
        <>
          <AvatarUpload me={me} />
          <ProfileForm me={me} />
        </>
      ) : null}
    </section>
  );
}

function AvatarUpload({ me }: { me: OwnProfileFragment }) {
  const session = useAuthSession();
  const { refetch } = useQuery(MyProfileDocument);
  const [remove, { loading: removing }] = useMutation(RemoveAvatarDocument);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file) return;
    // Checked again by the server from the bytes; this only saves a pointless upload.
    if (file.size > AVATAR.maxBytes) {
      setStatus({ text: `The image must be at most ${AVATAR.maxBytes / 1024 / 1024} MB.`, problem: true });
      return;
    }
    setBusy(true);
    setStatus({ text: 'Uploading…', problem: false });
    try {
      const body = new FormData();
      body.append('file', file);
      const token = await session.accessToken();
      const res = await fetch('/uploads/avatar', {
        method: 'POST',
        body,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      const answer = (await res.json().catch(() => ({}))) as { error?: string };
      if (!res.ok) {
        setStatus({ text: answer.error ?? 'The image could not be uploaded.', problem: true });
        return;
      }
      await refetch();
      setStatus({ text: 'Your new avatar is saved.', problem: false });
    } catch {
      setStatus({ text: 'The image could not be uploaded. Check your connection and try again.', problem: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="avatar-settings">
      {me.avatarUrl ? (
        <img
          src={me.avatarUrl.replace(/\/\d+\.webp$/, '/128.webp')}
          alt="Your avatar"
          className="avatar avatar--large"
          data-testid="avatar-image"
        />
      ) : (
        <Avatar user={me} size="large" />
      )}
      <div>
        <input
          ref={input}
          id="avatar-file"
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          onChange={(e) => void onFile(e)}
          disabled={busy}
        />
        <label htmlFor="avatar-file" className="button">
          {me.avatarUrl ? 'Change avatar' : 'Upload an avatar'}
        </label>{' '}
        {me.avatarUrl ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={removing || busy}
            onClick={() =>
              void remove().then(
                () => setStatus({ text: 'Your avatar was removed: your initials are shown instead.', problem: false }),
                () => setStatus({ text: 'The avatar could not be removed.', problem: true }),
              )
            }
          >
            Remove
          </button>
        ) : null}
        <p className={fieldStyles.hint}>
          JPEG, PNG or WebP, up to {AVATAR.maxBytes / 1024 / 1024} MB. It is cropped to a square.
        </p>
        <p role="status" className={status?.problem ? alertClassName : 'settings__status'} data-testid="avatar-status">
          {status?.text ?? ''}
        </p>
      </div>
    </div>
  );
}

function ProfileForm({ me }: { me: OwnProfileFragment }) {
  const [update] = useMutation(UpdateProfileDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    fields: FIELDS,
    initial: {
      displayName: me.displayName,
      bio: me.bio ?? '',
      location: me.location ?? '',
      links: me.links.join('\n'),
    },
    validate: (v) => ({
      displayName: v.displayName.trim().length < LIMITS.displayName.min ? 'Enter the name people will see.' : undefined,
    }),
    submit: async (v) => {
      setSaved(false);
      const links = v.links
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      await update({
        variables: { input: { displayName: v.displayName.trim(), bio: v.bio, location: v.location.trim(), links } },
      });
      setSaved(true);
    },
  });
  const { setFormElement } = form;
  return (
    <form ref={setFormElement} onSubmit={(e) => void form.onSubmit(e)} noValidate className="settings-form">
      <FormAlert message={form.errors.form} />
      <TextField
        name="displayName"
        label="Display name"
        required
        value={form.values.displayName}
        onChange={form.onChange}
        error={form.errors.fields.displayName}
      />
      <TextAreaField
        name="bio"
        label="Bio"
        rows={5}
        hint="Markdown is fine."
        value={form.values.bio}
        onChange={form.onChange}
        error={form.errors.fields.bio}
      />
      <TextField
        name="location"
        label="Location"
        value={form.values.location}
        onChange={form.onChange}
        error={form.errors.fields.location}
      />
      <TextAreaField
        name="links"
        label="Links"
        rows={3}
        hint="One http(s) address a line."
        value={form.values.links}
        onChange={form.onChange}
        error={form.errors.fields.links}
      />
      <button type="submit" className="button" disabled={form.submitting}>
        {form.submitting ? 'Saving…' : 'Save profile'}
      </button>
      <p role="status" className="settings__status">
        {saved ? 'Your profile is saved.' : ''}
      </p>
    </form>
  );
}
