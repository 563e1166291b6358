import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';
import { trim } from '@crossroads/api-platform';

const { min, max } = LIMITS.moderation.reason;

/** "3–500 characters": the length every moderation reason takes, for field descriptions. */
export const REASON_LENGTH_TEXT = `${min}–${max} characters`;

/**
 * A moderation reason (flag text, hide, restore, decide, suspend): trimmed, `LIMITS.moderation.reason`
 * long, the error naming `field`. The web checks the same limits before sending.
 */
export function ReasonText(field = 'reason'): PropertyDecorator {
  return applyDecorators(
    Transform(trim),
    IsString({ message: `${field} must be text.` }),
    Length(min, max, { message: `${field} must be ${min} to ${max} characters long.` }),
  );
}
