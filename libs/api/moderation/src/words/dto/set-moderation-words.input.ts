import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Length, Matches } from 'class-validator';

export const MODERATION_WORDS_LIMITS = { maxWords: 500, word: { min: 2, max: 60 } } as const;

/** Trims, lower-cases and collapses inner whitespace of each word (phrases match across any spacing). */
const normalizeWords = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((w) => (typeof w === 'string' ? w.trim().replace(/\s+/g, ' ').toLowerCase() : w))
    : value;

@InputType({
  description: 'The whole moderation word list: replaces the current one. Words match whole words, case-insensitively.',
})
export class SetModerationWordsInput {
  @Field(() => [String], {
    description: `Up to ${MODERATION_WORDS_LIMITS.maxWords} words or phrases, ${MODERATION_WORDS_LIMITS.word.min}–${MODERATION_WORDS_LIMITS.word.max} characters each; duplicates are merged.`,
  })
  @Transform(normalizeWords)
  @IsArray({ message: 'words must be a list.' })
  @ArrayMaxSize(MODERATION_WORDS_LIMITS.maxWords, {
    message: `words holds at most ${MODERATION_WORDS_LIMITS.maxWords} entries.`,
  })
  @IsString({ each: true, message: 'words must be texts.' })
  @Length(MODERATION_WORDS_LIMITS.word.min, MODERATION_WORDS_LIMITS.word.max, {
    each: true,
    message: `each of words must be ${MODERATION_WORDS_LIMITS.word.min} to ${MODERATION_WORDS_LIMITS.word.max} characters long.`,
  })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} '&.+#-]*[\p{L}\p{N}]$/u, {
    each: true,
    message:
      "each of words must start and end with a letter or digit and hold only letters, digits, spaces and ' & . + # -.",
  })
  words!: string[];
}
