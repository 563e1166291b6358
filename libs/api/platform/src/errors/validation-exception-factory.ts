import type { ValidationError } from 'class-validator';
import { BadInputError } from './domain-error.js';

/** Turns the first class-validator failure into BAD_USER_INPUT naming the field (dotted for nested). */
export function validationExceptionFactory(errors: ValidationError[]): BadInputError {
  const [field, message] = firstProblem(errors, '') ?? ['input', 'The input is invalid.'];
  return new BadInputError(field, message);
}

function firstProblem(errors: ValidationError[], prefix: string): [string, string] | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length) {
      const message = error.constraints?.whitelistValidation ? `${field} is not an accepted field.` : messages[0];
      return [field, message];
    }
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}
