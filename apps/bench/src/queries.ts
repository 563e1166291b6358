/** The GraphQL documents the benchmark sends; the floor (floor.ts) answers the pages (feed, tag feed, question, article) byte for byte. */

const FEED_SELECTION = `totalCount edges { node {
  id title createdAt score answerCount viewCount status viewerVote author { handle reputation } tags { name } acceptedAnswer { id } } }
  pageInfo { hasNextPage endCursor }`;

/** A feed page: author, tags, counts, the viewer's vote, the accepted answer, paging. */
export const FEED = `query Feed($first: Int) { questions(first: $first) { ${FEED_SELECTION} } }`;

/** A tag's feed (/t/<tag>): the same page, filtered to one tag. */
export const TAG_FEED = `query TagFeed($tag: String!, $first: Int) { questions(tag: $tag, first: $first) { ${FEED_SELECTION} } }`;

/** A knowledge-base article as a reader opens it (its table of contents, rating and neighbours left out: the floor cannot build them in SQL). */
export const ARTICLE = `query Article($slug: String!) { article(slug: $slug) {
  id slug title summary body createdAt updatedAt author { handle displayName } topic { slug name } } }`;

/** A question page: the question, up to 30 answers, their comments, authors and mentor badges. */
export const QUESTION = `query Question($id: ID!) { question(id: $id) {
  id title body createdAt score viewerVote status author { handle reputation mentorProfile { verified } } tags { name }
  comments { totalCount edges { node { body author { handle } } } }
  answers(first: 30) { totalCount edges { node { id body score viewerVote isAccepted author { handle reputation mentorProfile { verified } }
    comments { totalCount edges { node { body author { handle } } } } } } } } }`;

/** The question page of the statement-count bar: as QUESTION, plus suggested mentors. */
export const QUESTION_WITH_MENTORS = QUESTION.replace(
  /\} \} \} \} \} \} \} \} \}$/,
  '} } } } } } } suggestedMentors { headline verified user { handle } } } }',
);

export const SEARCH = `query Search($q: String!) { questions(search: $q, first: 20) { totalCount didYouMean edges { node { id title score author { handle } tags { name } } } } }`;

export const VOTE = `mutation Vote($input: VoteInput!) { vote(input: $input) }`;

export const ADD_COMMENT = `mutation Comment($input: AddCommentInput!) { addComment(input: $input) { id status } }`;

/** The feed page size used for throughput and latency (the statement counts use 5 and 50). */
export const FEED_PAGE = 20;

/** The staff dashboard as /moderation/insights asks for it (every figure, every chart). */
export const INSIGHTS = `query Insights($period: InsightsPeriodInput!) { communityInsights(period: $period) {
  from to tag questionsAsked questionsAnswered questionsAccepted medianHoursToFirstAnswer medianHoursToAcceptedAnswer medianBasis
  activity { day questions answers comments } unansweredByTag { tag questions unanswered unansweredRate }
  unmetSearches { scope query searches lastSearchedAt }
  mentorship { requests answered accepted acceptanceRate medianResponseHours }
  moderation { heldNow oldestHeldAt oldestHeldHours decisions decisionsByModerator { moderator { id handle displayName } decisions medianHours } }
  flags { flags resolved medianHoursToResolve byReason { reason flags resolved medianHoursToResolve } }
  newMembers { joined returned returnRate days { day joined returned } }
  articles { ratings averageStars helpfulRate feedback days { day ratings averageStars helpfulRate feedback } } } }`;
