import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import styles from './field.module.css';

/** What a Field hands its control: the id its label points at, the look, and the a11y wiring. */
export interface FieldControlProps {
  id: string;
  className: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldOwnProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** Characters used of the maximum, shown after the hint ("12/500"); stands out past the maximum. */
  counter?: { length: number; max: number };
  /** Extra class on the wrapper, for the page's layout. */
  className?: string;
}

export interface FieldProps extends FieldOwnProps {
  children: (control: FieldControlProps) => ReactNode;
}

/** The field's classes, for a control composed by hand (a react-aria input, an inline filter). */
export const fieldStyles: Readonly<
  Record<'field' | 'label' | 'input' | 'hint' | 'error' | 'invalid' | 'over', string>
> = {
  field: styles['field'] ?? '',
  label: styles['label'] ?? '',
  input: styles['input'] ?? '',
  hint: styles['hint'] ?? '',
  error: styles['error'] ?? '',
  invalid: styles['invalid'] ?? '',
  over: styles['over'] ?? '',
};

/** The wrapper's class: the field, marked invalid when it shows an error. */
export function fieldClassName(invalid: boolean, extra?: string): string {
  return [fieldStyles.field, invalid ? fieldStyles.invalid : null, extra].filter(Boolean).join(' ');
}

/**
 * A labelled control with its hint, counter and error: the error is shown (and announced through
 * aria-describedby) right below the control, before the hint; `data-field-error` marks it.
 */
export function Field({ label, hint, error, counter, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasHint = hint != null || counter != null;
  const describedBy = [error ? errorId : null, hasHint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={fieldClassName(!!error, className)}>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      {children({
        id,
        className: fieldStyles.input,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error ? (
        <p id={errorId} className={fieldStyles.error} data-field-error>
          {error}
        </p>
      ) : null}
      {hasHint ? (
        <p id={hintId} className={fieldStyles.hint}>
          {hint}
          {hint != null && counter ? ' ' : null}
          {counter ? (
            <span
              className={counter.length > counter.max ? fieldStyles.over : undefined}
            >{`${counter.length}/${counter.max}`}</span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'children'>;
type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className' | 'children'>;

/** A labelled input. */
export function TextField({ label, hint, error, counter, className, ...input }: FieldOwnProps & InputProps) {
  return (
    <Field label={label} hint={hint} error={error} counter={counter} className={className}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}

/** A labelled textarea (three rows unless told). */
export function TextAreaField({
  label,
  hint,
  error,
  counter,
  className,
  rows = 3,
  ...textarea
}: FieldOwnProps & TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} counter={counter} className={className}>
      {(control) => <textarea {...control} rows={rows} {...textarea} />}
    </Field>
  );
}
