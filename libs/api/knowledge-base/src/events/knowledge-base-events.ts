/** What the knowledge base announces, through the platform's EventBus. */
export const KNOWLEDGE_BASE_EVENTS = {
  /** Someone rated an article (a member or guest changing their mind rates again). */
  articleRated: 'knowledge-base.article.rated',
  /** "How can we improve this article?" feedback was sent. */
  feedbackSent: 'knowledge-base.feedback.sent',
} as const;

export interface ArticleRatedPayload {
  articleId: string;
  stars: number;
}

export interface FeedbackSentPayload {
  articleId: string;
}
