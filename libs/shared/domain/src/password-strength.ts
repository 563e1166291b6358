import { LIMITS } from './limits.js';

/**
 * Password rule: LIMITS.password length and a zxcvbn-ts score of at least `minScore` (0–4). The
 * estimator's common-password list (language-common) is the bundled blocklist NIST 800-63B asks
 * for. The estimator (~800 KB of dictionaries) loads on first use, so web pages that never show a
 * password field do not pay for it.
 */
export const PASSWORD_POLICY = { minLength: LIMITS.password.min, maxLength: LIMITS.password.max, minScore: 3 } as const;

export interface PasswordStrength {
  /** 0 (too guessable) to 4 (very unguessable). */
  score: number;
  /** The estimator's warning, e.g. "This is a top-100 common password.", or null. */
  warning: string | null;
  suggestions: string[];
}

type Check = (password: string, userInputs: string[]) => PasswordStrength;
let loading: Promise<Check> | undefined;

/** Interop: CommonJS builds expose their exports on `default` under some loaders. */
function exportsOf<T extends object>(mod: T): T {
  const fallback = (mod as { default?: T }).default;
  return fallback && Object.keys(mod).length <= 1 ? fallback : mod;
}

async function load(): Promise<Check> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const { ZxcvbnFactory } = exportsOf(core);
  const commonPack = exportsOf(common);
  const enPack = exportsOf(en);
  const zxcvbn = new ZxcvbnFactory({
    translations: enPack.translations,
    graphs: commonPack.adjacencyGraphs,
    dictionary: { ...commonPack.dictionary, ...enPack.dictionary },
  });
  return (password, userInputs) => {
    const result = zxcvbn.check(password, userInputs);
    return { score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions };
  };
}

/** Scores a password; `userInputs` (email, handle, name) count as easy guesses. */
export async function estimatePasswordStrength(
  password: string,
  userInputs: readonly string[] = [],
): Promise<PasswordStrength> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  const check = await loading;
  return check(
    password,
    userInputs.filter((s) => s.length > 0),
  );
}

/** The refusal message for a password that is too weak, naming the field, or null when it is strong enough. */
export function passwordStrengthProblem(strength: PasswordStrength): string | null {
  if (strength.score >= PASSWORD_POLICY.minScore) return null;
  const hint = [strength.warning, ...strength.suggestions].filter(Boolean).join(' ');
  return `password is too easy to guess.${hint ? ` ${hint}` : ''} Try a few unrelated words.`;
}

/** A short label for a strength meter. */
export const PASSWORD_STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
