import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@crossroads/shared-domain';
import { formErrorsFrom, ModerationLogDocument, SetRoleDocument } from '@crossroads/web-data-access';
import { Field, FormAlert, TextField } from '@crossroads/web-ui';
import { RequirePermission } from '../../ui/require-permission.js';

/** /moderation/roles (admins): give a member another role. */
export function RolesPage() {
  return (
    <RequirePermission permission="role.set">
      <RolesForm />
    </RequirePermission>
  );
}

function RolesForm() {
  const [setRole, { loading }] = useMutation(SetRoleDocument, { refetchQueries: [ModerationLogDocument] });
  const [handle, setHandle] = useState('');
  const [role, setRoleValue] = useState<Role>('MODERATOR');
  const [errors, setErrors] = useState<{ handle?: string; form?: string | null }>({});
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const h = handle.trim().replace(/^@/, '');
    setDone(null);
    if (!h) return setErrors({ handle: 'Enter the member’s handle.' });
    setErrors({});
    try {
      const { data } = await setRole({ variables: { input: { handle: h, role } } });
      if (data) setDone(`@${data.setRole.handle} is now ${data.setRole.role.toLowerCase()}.`);
    } catch (err) {
      const mapped = formErrorsFrom(err, ['handle'] as const);
      setErrors({ handle: mapped.fields.handle, form: mapped.form });
    }
  };

  return (
    <section aria-labelledby="roles-title">
      <title>Roles · Moderation · Crossroads</title>
      <h2 id="roles-title">Change a role</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="panel">
        <TextField
          name="handle"
          label="Handle"
          value={handle}
          onChange={(e) => setHandle(e.currentTarget.value)}
          error={errors.handle}
          autoComplete="off"
        />
        <Field label="Role">
          {(control) => (
            <select {...control} value={role} onChange={(e) => setRoleValue(e.currentTarget.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r.charAt(0) + r.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormAlert message={errors.form ?? null} />
        <p role="status" className={done ? 'notice' : undefined}>
          {done}
        </p>
        <button type="submit" className="button" disabled={loading}>
          Change role
        </button>
      </form>
    </section>
  );
}
