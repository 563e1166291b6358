import { Module } from '@nestjs/common';
import { AnswerSourceResolver, QuestionSourceResolver } from './attribution/post-source.resolvers.js';
import { PostSourcesService } from './attribution/post-sources.service.js';

/** Attribution of imported posts in the API; the importer and generator themselves run as CLI commands. */
@Module({ providers: [PostSourcesService, QuestionSourceResolver, AnswerSourceResolver] })
export class ImporterModule {}
