import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Length, Matches } from 'class-validator';
import { LIMITS } from '@crossroads/shared-domain';

const { tag, question } = LIMITS;

/** Tags are trimmed and lower-cased before they are checked. */
const normalizeTags = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((t: unknown) => (typeof t === 'string' ? t.trim().toLowerCase() : t)) : value;

/** The validation shared by AskQuestionInput.tags and EditQuestionInput.tags. */
export function TagList(): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [
      Transform(normalizeTags),
      IsArray({ message: 'tags must be a list of tag names.' }),
      ArrayMinSize(question.tags.min, { message: `tags must hold ${question.tags.min} to ${question.tags.max} tags.` }),
      ArrayMaxSize(question.tags.max, { message: `tags must hold ${question.tags.min} to ${question.tags.max} tags.` }),
      ArrayUnique({ message: 'tags must not repeat a tag.' }),
      IsString({ each: true, message: 'tags must be strings.' }),
      Length(tag.min, tag.max, {
        each: true,
        message: `each of tags must be ${tag.min} to ${tag.max} characters long.`,
      }),
      Matches(tag.pattern, { each: true, message: 'tags may only hold lower-case letters, digits, +, #, . and -.' }),
    ]) {
      decorate(target, key);
    }
  };
}
