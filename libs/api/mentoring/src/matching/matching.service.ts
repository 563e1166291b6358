import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LoaderRegistry } from '@crossroads/api-platform';
import { QuestionsService } from '@crossroads/api-qa';
import { profileFromRow } from '../common/sql.js';
import type { MentorProfileEntity } from '../profiles/mentor-profile.entity.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { matchReason } from './match-score.js';
import { suggestionsFor } from './matching.repository.js';
import { decodeCursor, encodeCursor, pageSize, toPage } from '@crossroads/api-platform';

/** What a suggestion needs of a question (a QuestionModel carries these). */
export interface QuestionForMatching {
  id: string;
  authorId: string;
  tagNames: string[];
}

export interface MentorSuggestion {
  profile: MentorProfileEntity;
  score: number;
  reason: string;
}

@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: MentorProfilesService,
    private readonly questions: QuestionsService,
  ) {}

  /**
   * The best `first` mentors for each question of a page, in ONE statement per page: the questions
   * travel as a JSON parameter (no read of the qa tables beyond the read-only views), each is
   * ranked in a LATERAL subquery (scoring: match-score.ts). Candidates come from the GIN index on
   * expertise (`&&` the question's tags).
   */
  suggestionsLoader(loaders: LoaderRegistry, first: number) {
    return loaders.get<QuestionForMatching, MentorSuggestion[]>(
      `mentoring.suggestions:${first}`,
      async (questions) => {
        const rows = await suggestionsFor(
          this.dataSource,
          questions.map((q) => ({ id: q.id, authorId: q.authorId, tags: q.tagNames })),
          first,
        );
        const byQuestion = new Map<string, MentorSuggestion[]>();
        const profileLoader = this.profiles.loader(loaders);
        for (const r of rows) {
          const profile = profileFromRow(r);
          profileLoader.prime(profile.userId, profile);
          const reason = matchReason({
            sharedTags: r.sharedTags,
            bestTag: r.bestTag ?? null,
            bestTagAccepted: Number(r.bestCount),
            acceptingRequests: profile.acceptingRequests,
            available: Boolean(r.available),
          });
          const list = byQuestion.get(r.questionId) ?? [];
          list.push({ profile, score: Math.round(Number(r.score) * 1000) / 1000, reason });
          byQuestion.set(r.questionId, list);
        }
        return questions.map((q) => byQuestion.get(q.id) ?? []);
      },
      { cacheKeyFn: (q) => q.id },
    );
  }

  /**
   * Open questions (not closed, no accepted answer, not asked or already answered by the mentor)
   * sharing a tag with the mentor's expertise: most shared tags first, then newest. Keyset paged.
   * Reads the questions through qa's read model.
   */
  async matchedQuestions(userId: string, expertise: string[], args: { first?: number; after?: string }) {
    const size = pageSize(args.first);
    const list = 'matchedQuestions';
    const after = args.after
      ? (decodeCursor(args.after, list, ['number', 'date', 'id']) as [number, Date, string])
      : null;
    const { totalCount, matches } = await this.questions.matchingExpertise(userId, expertise, after, size + 1);
    const page = toPage(matches, size);
    return {
      totalCount,
      hasNextPage: page.hasNextPage,
      items: page.items.map(({ question, sharedTags, shared }) => ({
        question,
        sharedTags,
        reason: `Matches your expertise: ${sharedTags.map((t) => `#${t}`).join(', ')}`,
        cursor: encodeCursor(list, [shared, question.createdAt, question.id]),
      })),
    };
  }
}
