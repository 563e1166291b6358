import { QuestionMentorsResolver } from './matching/question-mentors.resolver.js';
import { CreateMentoring1795307497503 } from './migrations/1795307497503-create-mentoring.js';
import { MentoringIndexes1795307497505 } from './migrations/1795307497505-mentoring-indexes.js';
import { MentorProfileEntity } from './profiles/mentor-profile.entity.js';
import { MentorProfilesResolver, UserMentorProfileResolver } from './profiles/mentor-profiles.resolver.js';
import { MentorshipRequestEntity } from './requests/mentorship-request.entity.js';
import { MentorshipRequestsResolver, MentorshipReviewResolver } from './requests/mentorship-requests.resolver.js';
import { MentorshipReviewEntity } from './reviews/mentorship-review.entity.js';

export const mentoringEntities = [MentorProfileEntity, MentorshipRequestEntity, MentorshipReviewEntity];
export const mentoringMigrations = [CreateMentoring1795307497503, MentoringIndexes1795307497505];
export const mentoringResolvers = [MentorProfilesResolver, UserMentorProfileResolver, QuestionMentorsResolver, MentorshipRequestsResolver, MentorshipReviewResolver];
