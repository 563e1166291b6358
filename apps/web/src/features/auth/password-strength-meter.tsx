import { useEffect, useState } from 'react';
import {
  PASSWORD_POLICY,
  PASSWORD_STRENGTH_LABELS,
  estimatePasswordStrength,
  type PasswordStrength,
} from '@crossroads/shared-domain';

/**
 * The sign-up form's strength meter: the same zxcvbn-ts check the API applies, loaded on the first
 * keystroke (its dictionaries are a separate chunk, outside the initial bundle).
 */
export function PasswordStrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [result, setResult] = useState<{ password: string; strength: PasswordStrength } | null>(null);
  const inputsKey = userInputs.join('\n');
  useEffect(() => {
    if (!password) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      estimatePasswordStrength(password, inputsKey.split('\n')).then(
        (strength) => {
          if (current) setResult({ password, strength });
        },
        () => undefined, // the meter is advice; the server has the last word
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  if (!password) return null;
  const strength = result?.password === password ? result.strength : null;
  const score = strength?.score ?? 0;
  const label = strength ? PASSWORD_STRENGTH_LABELS[score] : 'Checking…';
  const tooShort = password.length < PASSWORD_POLICY.minLength;
  const strongEnough = Boolean(strength) && !tooShort && score >= PASSWORD_POLICY.minScore;
  let advice = '';
  if (tooShort) advice = `Use at least ${PASSWORD_POLICY.minLength} characters.`;
  else if (strength && !strongEnough)
    advice = strength.warning ?? strength.suggestions[0] ?? 'Add another unrelated word.';
  else if (strongEnough) advice = 'Good to go.';
  return (
    <div className="password-meter" data-score={strength ? score : undefined} data-testid="password-meter">
      <div
        className="password-meter__track"
        role="meter"
        aria-label="Password strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={label}
      >
        <div className="password-meter__bar" />
      </div>
      <p className="password-meter__text" aria-live="polite">
        Strength: <strong>{label}</strong>
        {advice ? ` — ${advice}` : ''}
      </p>
    </div>
  );
}
