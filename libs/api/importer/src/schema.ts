import { AnswerSourceResolver, QuestionSourceResolver } from './attribution/post-source.resolvers.js';
import { PostSourceEntity } from './attribution/post-source.entity.js';
import { CreatePostSources1795307516953 } from './migrations/1795307516953-create-post-sources.js';

export const importerEntities = [PostSourceEntity];
export const importerMigrations = [CreatePostSources1795307516953];
export const importerResolvers = [QuestionSourceResolver, AnswerSourceResolver];
