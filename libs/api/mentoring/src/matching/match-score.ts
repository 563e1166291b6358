/**
 * Mentor matching: how well a mentor fits a question.
 *
 *   tagFit   = |question tags ∩ mentor expertise| / |question tags|          (0…1)
 *   proof    = ln(1 + the mentor's accepted answers on questions carrying any of the question's tags,
 *                     summed per tag)                                           (diminishing returns)
 *   available = accepting requests AND open (pending + accepted) requests < their limit
 *
 *   score = 3·tagFit + 1.5·proof + 2·available
 *
 * Candidates must share at least one tag and are never the asker. Ranking is (available first,
 * then score, then user id): an unavailable mentor never outranks an available one, however many
 * accepted answers they have, but still appears when nobody better fits.
 *
 * The same formula runs in SQL (matchScoreSql) so one statement ranks and limits a whole page of
 * questions; matchScore is its pure twin, unit-tested for the ordering properties.
 */
export const MATCH_WEIGHTS = { tagFit: 3, proof: 1.5, available: 2 } as const;

export interface MatchFeatures {
  sharedTags: number;
  questionTags: number;
  acceptedInTags: number;
  available: boolean;
}

export function matchScore(f: MatchFeatures): number {
  const tagFit = f.questionTags > 0 ? f.sharedTags / f.questionTags : 0;
  return (
    MATCH_WEIGHTS.tagFit * tagFit +
    MATCH_WEIGHTS.proof * Math.log(1 + f.acceptedInTags) +
    (f.available ? MATCH_WEIGHTS.available : 0)
  );
}

/** Sort order of candidates: available first, then score, then id (stable). */
export function compareMatches(a: MatchFeatures & { id: string }, b: MatchFeatures & { id: string }): number {
  if (a.available !== b.available) return a.available ? -1 : 1;
  const d = matchScore(b) - matchScore(a);
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The SQL twin of matchScore, over columns holding the features. */
export function matchScoreSql(c: {
  sharedTags: string;
  questionTags: string;
  acceptedInTags: string;
  available: string;
}): string {
  const w = MATCH_WEIGHTS;
  return `(${w.tagFit} * (${c.sharedTags})::float8 / greatest(${c.questionTags}, 1) + ${w.proof} * ln(1 + (${c.acceptedInTags})::float8)
    + CASE WHEN ${c.available} THEN ${w.available} ELSE 0 END)`;
}

export interface ReasonFacts {
  sharedTags: string[];
  bestTag: string | null;
  bestTagAccepted: number;
  acceptingRequests: boolean;
  available: boolean;
}

/** One line explaining a suggestion, e.g. "3 accepted answers in #career-change". */
export function matchReason(f: ReasonFacts): string {
  const hash = (t: string) => `#${t}`;
  let reason: string;
  if (f.bestTag && f.bestTagAccepted > 0) {
    reason = `${f.bestTagAccepted} accepted answer${f.bestTagAccepted === 1 ? '' : 's'} in ${hash(f.bestTag)}`;
  } else {
    reason = `Expertise in ${f.sharedTags.map(hash).join(', ')}`;
  }
  if (!f.acceptingRequests) reason += ' (not taking requests now)';
  else if (!f.available) reason += ' (fully booked)';
  return reason;
}
