import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LoaderRegistry } from '@crossroads/api-platform';
import { QuestionsService } from '@crossroads/api-qa';
import { PROFILE_COLUMNS, profileFromRow } from '../common/sql.js';
import type { MentorProfileEntity } from '../profiles/mentor-profile.entity.js';
import { MentorProfilesService } from '../profiles/mentor-profiles.service.js';
import { OPEN_NOW_SQL } from '../requests/mentorship-status.js';
import { matchReason, matchScoreSql } from './match-score.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Row } from '@crossroads/api-platform';

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
        const payload = JSON.stringify(questions.map((q) => ({ id: q.id, authorId: q.authorId, tags: q.tagNames })));
        const score = matchScoreSql({
          sharedTags: 'o.shared',
          questionTags: 'cardinality(qs.tags)',
          acceptedInTags: 'acc.total',
          available: 'av.available',
        });
        const rows = (await this.dataSource.query(
          `WITH qs AS (
             SELECT (x->>'id')::uuid AS id, (x->>'authorId')::uuid AS author_id, ARRAY(SELECT jsonb_array_elements_text(x->'tags'))::varchar[] AS tags
             FROM jsonb_array_elements($1::jsonb) x
           )
           SELECT qs.id AS "questionId", c.* FROM qs CROSS JOIN LATERAL (
             SELECT ${PROFILE_COLUMNS}, o.shared_tags AS "sharedTags", acc.best_tag AS "bestTag", coalesce(acc.best_count, 0) AS "bestCount",
                    av.available, ${score} AS score
             FROM mentor_profiles mp
             CROSS JOIN LATERAL (
               SELECT ARRAY(SELECT t FROM unnest(qs.tags) WITH ORDINALITY u(t, i) WHERE t = ANY(mp.expertise) ORDER BY i) AS shared_tags
             ) st
             CROSS JOIN LATERAL (SELECT st.shared_tags, cardinality(st.shared_tags) AS shared) o
             CROSS JOIN LATERAL (
               SELECT coalesce(sum(t.accepted_count), 0)::int AS total, (array_agg(t.tag ORDER BY t.accepted_count DESC, t.tag))[1] AS best_tag,
                      max(t.accepted_count) AS best_count
               FROM qa_accepted_by_tag t WHERE t.user_id = mp.user_id AND t.tag = ANY(qs.tags)
             ) acc
             CROSS JOIN LATERAL (
               SELECT mp.accepting_requests AND (SELECT count(*) FROM mentorship_requests r WHERE r.mentor_id = mp.user_id AND ${OPEN_NOW_SQL}) < mp.max_open_requests AS available
             ) av
             WHERE mp.expertise && qs.tags AND mp.user_id <> qs.author_id
             ORDER BY av.available DESC, score DESC, mp.user_id
             LIMIT ${first}
           ) c`,
          [payload],
        )) as Row[];
        const byQuestion = new Map<string, MentorSuggestion[]>();
        const profileLoader = this.profiles.loader(loaders);
        for (const r of rows) {
          const profile = profileFromRow(r);
          profileLoader.prime(profile.userId, profile);
          const reason = matchReason({
            sharedTags: r.sharedTags as string[],
            bestTag: (r.bestTag as string | null) ?? null,
            bestTagAccepted: Number(r.bestCount),
            acceptingRequests: profile.acceptingRequests,
            available: Boolean(r.available),
          });
          const list = byQuestion.get(String(r.questionId)) ?? [];
          list.push({ profile, score: Math.round(Number(r.score) * 1000) / 1000, reason });
          byQuestion.set(String(r.questionId), list);
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
