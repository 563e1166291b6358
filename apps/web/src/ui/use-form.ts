import { formErrorsFrom, type FormErrors } from '@crossroads/web-data-access';
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';

interface UseFormOptions<F extends string> {
  fields: readonly F[];
  initial: Record<F, string>;
  /** Client-side checks; a non-empty result stops the submit. */
  validate: (values: Record<F, string>) => Partial<Record<F, string>>;
  /** Sends the form; a rejection is mapped to field and form errors (server `extensions.field`). */
  submit: (values: Record<F, string>) => Promise<void>;
}

const NO_ERRORS = { fields: {}, form: null };

/**
 * Form state for small forms: values, per-field and form-level errors (client or server), and
 * focus on the first problem after a failed submit so keyboard and screen reader users land on it.
 */
export function useForm<F extends string>({ fields, initial, validate, submit }: UseFormOptions<F>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors<F>>(NO_ERRORS);
  const [submitting, setSubmitting] = useState(false);
  // The form element, through a callback ref (`ref={setFormElement}`): render reads no ref.
  const [formEl, setFormElement] = useState<HTMLFormElement | null>(null);
  // Set by a failed submit; the effect moves focus once the errors are on screen.
  const focusPending = useRef(false);

  useEffect(() => {
    if (!focusPending.current || !formEl) return;
    focusPending.current = false;
    const first = fields.find((f) => errors.fields[f]);
    const target = first ? formEl.elements.namedItem(first) : formEl.querySelector('[data-form-error]');
    if (target instanceof HTMLElement) target.focus();
  }, [errors, fields, formEl]);

  const onChange = useCallback((e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const name = e.currentTarget.name as F;
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((prev) => (prev.fields[name] ? { ...prev, fields: { ...prev.fields, [name]: undefined } } : prev));
  }, []);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (submitting) return;
    const problems = validate(values);
    if (Object.values(problems).some(Boolean)) {
      focusPending.current = true;
      setErrors({ fields: problems, form: null });
      return;
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    try {
      await submit(values);
    } catch (error) {
      focusPending.current = true;
      setErrors(formErrorsFrom(error, fields));
    } finally {
      setSubmitting(false);
    }
  };

  /** Back to the initial values (after a successful submit that keeps the form on screen). */
  const [initialValues] = useState(initial);
  const reset = useCallback(() => {
    setValues(initialValues);
    setErrors(NO_ERRORS);
  }, [initialValues]);

  return { values, errors, submitting, onChange, onSubmit, setFormElement, reset, setValues };
}
