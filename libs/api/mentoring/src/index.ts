export { MentoringModule } from './mentoring.module.js';
export { mentoringEntities, mentoringMigrations, mentoringResolvers } from './schema.js';
export { MentorProfilesService } from './profiles/mentor-profiles.service.js';
export { MentorshipRequestsService } from './requests/mentorship-requests.service.js';
export { MentorshipExpiryJob } from './requests/mentorship-expiry.job.js';
export { matchScore, matchReason, MATCH_WEIGHTS } from './matching/match-score.js';
export { MentorshipReviewsService } from './reviews/mentorship-reviews.service.js';
export * from './events/mentoring-events.js';
