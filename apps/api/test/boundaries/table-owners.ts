/**
 * Who owns each table, view and function in the database: only the owner's code reads or writes it in
 * SQL, and only the owner's migrations create, alter, trigger or view it. Derived from each lib's
 * migrations; table-ownership.spec.ts checks the two still agree.
 */
export const TABLE_OWNERS = {
  platform: {
    tables: ['rate_limits', 'domain_events', 'mail_messages', 'mail_suppressions'],
    functions: [],
  },
  accounts: {
    tables: ['users', 'refresh_tokens', 'account_tokens', 'user_identities'],
    functions: [],
  },
  qa: {
    tables: [
      'questions',
      'answers',
      'comments',
      'votes',
      'tags',
      'revisions',
      'reputation_events',
      'qa_counters',
      'search_words',
    ],
    functions: [
      'qa_questions_search_vector',
      'qa_questions_search_words',
      'qa_questions_counters',
      'qa_answers_counters',
      'qa_comments_counters',
      'qa_search_candidates',
    ],
    /** Views qa exports by name (QA_READ_MODELS) for other contexts to read: the owner's read models. */
    readModels: ['qa_answer_stats', 'qa_accepted_by_tag', 'qa_first_answers', 'qa_open_questions', 'qa_answerers'],
  },
  moderation: {
    tables: [
      'flags',
      'flagged_posts',
      'moderation_log',
      'suspensions',
      'member_moderation',
      'moderation_words',
      'message_reports',
    ],
    functions: [],
  },
  mentoring: {
    tables: [
      'mentor_profiles',
      'mentorship_requests',
      'mentorship_reviews',
      'mentorship_messages',
      'mentorship_message_reports',
      'mentorship_read_marks',
      'mentorship_plan_revisions',
      'mentor_availability_windows',
      'mentor_availability_exceptions',
      'mentorship_sessions',
      'mentorship_check_ins',
      'mentorship_conduct_incidents',
      'mentor_request_pauses',
      'mentor_pause_appeals',
    ],
    functions: [],
  },
  importer: {
    tables: ['post_sources'],
    functions: [],
  },
  'knowledge-base': {
    tables: [
      'kb_topics',
      'kb_articles',
      'kb_article_revisions',
      'kb_article_ratings',
      'kb_article_feedback',
      'kb_settings',
    ],
    functions: ['kb_articles_search_vector'],
  },
  notifications: {
    tables: ['follows', 'notifications', 'notification_receipts', 'notification_settings', 'guest_follow_ups'],
    functions: ['notification_group_text'],
  },
  insights: {
    tables: [
      'insights_questions',
      'insights_daily',
      'insights_applied_events',
      'insights_searches',
      'insights_mentorships',
      'insights_held_comments',
      'insights_flags',
      'insights_members',
      'insights_article_daily',
      'insights_user_tags',
      'insights_mentor_reviews',
      'insights_counted_posts',
    ],
    functions: [],
  },
  demo: { tables: [], functions: [] },
} as const satisfies Record<
  string,
  { tables: readonly string[]; functions: readonly string[]; readModels?: readonly string[] }
>;

export type Context = keyof typeof TABLE_OWNERS;

/**
 * Tables any context may hold a foreign key to: an account's id is the identity every context keys
 * its rows by. A foreign key names the table but neither reads, writes nor alters it.
 */
export const SHARED_KEYS: readonly string[] = ['users'];
