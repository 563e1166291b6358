import { rows, type Db } from '@crossroads/api-platform';
import { PROFILE_COLUMNS } from '../common/sql.js';
import type { MentorProfileRow } from '../profiles/mentor-profiles.repository.js';
import { OPEN_NOW_SQL } from '../requests/mentorship-status.js';
import { matchScoreSql } from './match-score.js';

/* The mentor-suggestion query: mentor_profiles ranked against questions, through qa's read models only. */

export type SuggestionRow = MentorProfileRow & {
  questionId: string;
  sharedTags: string[];
  bestTag: string | null;
  bestCount: number;
  available: boolean;
  score: number;
};

/**
 * The best `first` mentors for each question, in ONE statement: the questions travel as a JSON
 * parameter, each is ranked in a LATERAL subquery (scoring: match-score.ts). Candidates come from
 * the GIN index on expertise (`&&` the question's tags).
 */
export function suggestionsFor(
  db: Db,
  questions: readonly { id: string; authorId: string; tags: string[] }[],
  first: number,
): Promise<SuggestionRow[]> {
  const score = matchScoreSql({
    sharedTags: 'o.shared',
    questionTags: 'cardinality(qs.tags)',
    acceptedInTags: 'acc.total',
    available: 'av.available',
  });
  return rows<SuggestionRow>(
    db,
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
    [JSON.stringify(questions)],
  );
}
