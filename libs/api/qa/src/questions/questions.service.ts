import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LIMITS, roleHasPermission } from '@crossroads/shared-domain';
import {
  EventBus,
  ForbiddenError,
  NotFoundError,
  PostingLimits,
  byKeys,
  type LoaderRegistry,
  type Principal,
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  inTransaction,
} from '@crossroads/api-platform';
import { UsersService } from '@crossroads/api-accounts';
import { AnswersService } from '../answers/answers.service.js';
import type { AnswerEntity } from '../answers/answer.entity.js';
import { CommentsService } from '../comments/comments.service.js';
import { answerFromRow, commentFromRow } from '../common/sql.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { SpellingService } from '../search/spelling.service.js';
import { TagsService } from '../tags/tags.service.js';
import { VotesService } from '../votes/votes.service.js';
import type { AskQuestionInput } from './dto/ask-question.input.js';
import type { EditQuestionInput } from './dto/edit-question.input.js';
import type { QuestionsArgs } from './dto/questions.args.js';
import type { QuestionEntity } from './question.entity.js';
import { QA_EVENTS, type PostEditedPayload, type QuestionAskedPayload } from '../events/qa-events.js';
import * as questions from './questions.repository.js';

export interface QuestionFeed {
  questions: QuestionEntity[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
  didYouMean: string | null;
}

@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly tags: TagsService,
    private readonly votes: VotesService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly revisions: RevisionsService,
    private readonly spelling: SpellingService,
    private readonly events: EventBus,
    /** New-account limits (provided by the moderation context). */
    @Optional() private readonly limits?: PostingLimits,
  ) {}

  async ask(viewer: Principal, input: AskQuestionInput): Promise<QuestionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      await this.limits?.check(m, viewer, 'QUESTION');
      await this.tags.ensure(m, input.tags);
      const question = await questions.insertQuestion(m, viewer.id, input.title, input.body, input.tags);
      await this.events.emit(m, {
        type: QA_EVENTS.questionAsked,
        actorId: viewer.id,
        payload: {
          questionId: question.id,
          authorId: viewer.id,
          title: question.title,
          tags: question.tags,
        } satisfies QuestionAskedPayload,
      });
      return question;
    });
  }

  /** Authors edit their own questions, moderators and admins any; the replaced version becomes a revision. */
  async edit(viewer: Principal, input: EditQuestionInput): Promise<QuestionEntity> {
    return inTransaction(this.dataSource, async (m) => {
      const question = await questions.lockLiveQuestion(m, input.id);
      if (!question) throw new NotFoundError('Question', 'id');
      if (question.authorId !== viewer.id && !roleHasPermission(viewer.role, 'post.edit.any')) {
        throw new ForbiddenError('Only the author or a moderator can edit this question.');
      }
      const title = input.title ?? question.title;
      const body = input.body ?? question.body;
      const tags = input.tags ?? question.tags;
      if (title === question.title && body === question.body && tags.join(' ') === question.tags.join(' '))
        return question;
      await this.revisions.record(m, {
        postType: 'QUESTION',
        postId: question.id,
        editorId: viewer.id,
        title: question.title,
        body: question.body,
        tags: question.tags,
      });
      await this.tags.ensure(m, tags);
      const updated = await questions.updateQuestion(m, question.id, title, body, tags);
      await this.events.emit(m, {
        type: QA_EVENTS.postEdited,
        actorId: viewer.id,
        payload: {
          postType: 'QUESTION',
          postId: question.id,
          questionId: question.id,
          editorId: viewer.id,
        } satisfies PostEditedPayload,
      });
      return updated;
    });
  }

  /**
   * One question for its page. The same statement brings the viewer's vote, the accepted answer and
   * the first comments; the loaders are primed with them and the authors are requested together.
   */
  async findOne(loaders: LoaderRegistry, viewerId: string | null, id: string): Promise<QuestionEntity> {
    if (!isUuid(id)) throw new NotFoundError('Question', 'id');
    const found = await questions.questionForPage(this.dataSource, id, viewerId);
    if (!found) throw new NotFoundError('Question', 'id');
    const [question] = this.absorb(loaders, viewerId, [found]);
    const preview = found.commentPreview.map(commentFromRow);
    this.comments.previewLoader(loaders).prime(question.id, preview);
    void this.users
      .loader(loaders)
      .loadMany([question.authorId, ...preview.flatMap((c) => (c.authorId ? [c.authorId] : []))]);
    return question;
  }

  /** The feed: keyset pages (no OFFSET), exact totals from counters, viewer votes and accepted answers in the same statement. */
  async feed(loaders: LoaderRegistry, viewerId: string | null, args: QuestionsArgs): Promise<QuestionFeed> {
    const size = pageSize(args.first);
    const search = args.search?.trim();
    if (search) return this.search(loaders, viewerId, args, size, search);

    const sort = args.sort ?? 'NEWEST';
    const key = questions.SORT_KEYS[sort];
    const list = `questions:${sort}`;
    const after = args.after ? decodeCursor(args.after, list, [key.part, 'id']) : null;
    const page = await questions.feedPage(this.dataSource, viewerId, { sort, tag: args.tag ?? null, after, size });
    const shown = this.absorb(loaders, viewerId, page.items.slice(0, size));
    return {
      questions: shown,
      cursors: shown.map((q) => encodeCursor(list, [q[key.alias], q.id])),
      hasNextPage: page.items.length > size,
      totalCount: page.totalCount,
      didYouMean: null,
    };
  }

  /**
   * Full-text search: websearch syntax ("phrases", -exclusions, or) over the weighted tsvector.
   * Only the newest LIMITS.search.rankedCandidates matches are ranked, so a common word never ranks
   * the whole table; totalCount counts that candidate set. No match at all → spelling correction.
   */
  private async search(
    loaders: LoaderRegistry,
    viewerId: string | null,
    args: QuestionsArgs,
    size: number,
    search: string,
  ): Promise<QuestionFeed> {
    const first = await this.searchOnce(loaders, viewerId, args, size, search);
    if (first.totalCount > 0 || args.after) return first;
    const corrected = await this.spelling.suggest(search);
    if (!corrected) return first;
    const retried = await this.searchOnce(loaders, viewerId, args, size, corrected);
    return retried.totalCount > 0 ? { ...retried, didYouMean: corrected } : first;
  }

  private async searchOnce(
    loaders: LoaderRegistry,
    viewerId: string | null,
    args: QuestionsArgs,
    size: number,
    search: string,
  ): Promise<QuestionFeed> {
    const list = 'questions:search';
    const after = args.after ? decodeCursor(args.after, list, ['number', 'id']) : null;
    const page = await questions.searchPage(this.dataSource, viewerId, {
      search,
      tag: args.tag ?? null,
      unanswered: args.sort === 'UNANSWERED',
      after,
      size,
    });
    const shown = page.items.slice(0, size);
    return {
      questions: this.absorb(loaders, viewerId, shown),
      cursors: shown.map((r) => encodeCursor(list, [r.rank, r.question.id])),
      hasNextPage: page.items.length > size,
      totalCount: page.totalCount,
      didYouMean: null,
    };
  }

  /** Questions like a title being typed: any of its words, best ranked among the newest matches. */
  async similar(title: string, first: number | undefined): Promise<QuestionEntity[]> {
    const size = pageSize(first, 'first', LIMITS.similarQuestions.maxSize, LIMITS.similarQuestions.defaultSize);
    const words = [...new Set(title.toLowerCase().match(/[a-z0-9]+/g) ?? [])].slice(0, 16);
    if (!words.length) return [];
    return questions.similarQuestions(this.dataSource, words, size);
  }

  /** A live question's closed state, locked until the caller's transaction (`m`) ends; undefined when absent or deleted. */
  lockClosedState(m: EntityManager, id: string): Promise<questions.ClosedState | undefined> {
    return questions.lockClosedState(m, id);
  }

  isLive(m: EntityManager, id: string): Promise<boolean> {
    return questions.isLive(m, id);
  }

  /** Closes the question (no new answers) in the caller's transaction. */
  close(m: EntityManager, id: string, reason: string, duplicateOfId: string | null): Promise<QuestionEntity> {
    return questions.setClosed(m, id, reason, duplicateOfId);
  }

  reopen(m: EntityManager, id: string): Promise<QuestionEntity> {
    return questions.setClosed(m, id, null, null);
  }

  /** Read model for other contexts: live questions related to each key's tags, in one statement. */
  relatedToTags(keys: questions.RelatedTo[], size: number, candidates: number): Promise<Map<string, QuestionEntity[]>> {
    return questions.relatedToTags(this.dataSource.manager, keys, size, candidates);
  }

  /** Read model for mentoring: open questions a mentor with this expertise could answer (one statement). */
  matchingExpertise(userId: string, expertise: string[], after: [number, Date, string] | null, limit: number) {
    return questions.matchingExpertise(this.dataSource.manager, userId, expertise, after, limit);
  }

  byIdLoader(loaders: LoaderRegistry) {
    return loaders.get<string, QuestionEntity | null>('qa.questions.byId', async (ids) => {
      return byKeys(ids, await questions.liveQuestionsByIds(this.dataSource, ids), (q) => q.id, null);
    });
  }

  /** Primes the per-request loaders with what the page's statement already brought. */
  private absorb(loaders: LoaderRegistry, viewerId: string | null, page: questions.PagedQuestion[]): QuestionEntity[] {
    const shown = page.map((p) => p.question);
    const answerLoader = this.answers.byIdLoader(loaders);
    for (const { question, viewerVote, acceptedAnswer } of page) {
      if (viewerId) this.votes.viewerVoteLoader(loaders, viewerId).prime(question.id, viewerVote);
      if (acceptedAnswer) {
        const accepted: AnswerEntity = answerFromRow(acceptedAnswer);
        answerLoader.prime(accepted.id, accepted);
      }
    }
    if (shown.length) void this.users.loader(loaders).loadMany(shown.map((q) => q.authorId));
    for (const q of shown) this.byIdLoader(loaders).prime(q.id, q);
    return shown;
  }
}
