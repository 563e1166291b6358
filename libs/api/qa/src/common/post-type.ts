import { registerEnumType } from '@nestjs/graphql';

/** Posts that can be voted on, commented on and revised. */
export const QA_POST_TYPES = ['QUESTION', 'ANSWER'] as const;
export type QaPostType = (typeof QA_POST_TYPES)[number];

/** The public PostType (COMMENT is a target for flags, not for votes or comments). */
export const POST_TYPES = ['QUESTION', 'ANSWER', 'COMMENT'] as const;
export type PostType = (typeof POST_TYPES)[number];
export const PostTypeEnum = Object.fromEntries(POST_TYPES.map((t) => [t, t])) as { [K in PostType]: K };
registerEnumType(PostTypeEnum, { name: 'PostType', description: 'What kind of post an id names.' });
