import { QuestionMentorsResolver } from './matching/question-mentors.resolver.js';
import { CreateMentoring1795307497503 } from './migrations/1795307497503-create-mentoring.js';
import { MentoringIndexes1795307497505 } from './migrations/1795307497505-mentoring-indexes.js';
import { MentorshipCare1797000000100 } from './migrations/1797000000100-mentorship-care.js';
import { MessageReportsZones1797000000200 } from './migrations/1797000000200-message-reports-zones.js';
import { MentorProfileEntity } from './profiles/mentor-profile.entity.js';
import { MentorProfilesResolver, UserMentorProfileResolver } from './profiles/mentor-profiles.resolver.js';
import { MentorshipRequestEntity } from './requests/mentorship-request.entity.js';
import { MentorshipRequestsResolver, MentorshipReviewResolver } from './requests/mentorship-requests.resolver.js';
import { MentorshipWorkspace1797000000000 } from './migrations/1797000000000-mentorship-workspace.js';
import { MentorAvailabilityResolver, MentorshipSessionsResolver } from './sessions/sessions.resolver.js';
import { MentorshipMessageResolver, MentorshipWorkspaceResolver } from './workspace/workspace.resolver.js';
import { MentorshipReviewEntity } from './reviews/mentorship-review.entity.js';
import { MentorViewerRequestResolver } from './requests/viewer-open-request.resolver.js';
import { CheckInsResolver, ProfileOutcomesResolver } from './check-ins/check-ins.resolver.js';
import { ConductResolver, ProfilePauseResolver, ReviewExpectationsResolver } from './conduct/conduct.resolver.js';
import { ProfileResponsivenessResolver, RequestNextMentorResolver } from './responsiveness/responsiveness.resolver.js';
import { MentorshipCheckInEntity } from './check-ins/mentorship-check-in.entity.js';
import { ConductIncidentEntity, MentorPauseEntity, PauseAppealEntity } from './conduct/conduct.entities.js';

export const mentoringEntities = [
  MentorProfileEntity,
  MentorshipRequestEntity,
  MentorshipReviewEntity,
  MentorshipCheckInEntity,
  ConductIncidentEntity,
  MentorPauseEntity,
  PauseAppealEntity,
];
export const mentoringMigrations = [
  CreateMentoring1795307497503,
  MentoringIndexes1795307497505,
  MentorshipWorkspace1797000000000,
  MentorshipCare1797000000100,
  MessageReportsZones1797000000200,
];
export const mentoringResolvers = [
  MentorProfilesResolver,
  UserMentorProfileResolver,
  QuestionMentorsResolver,
  MentorshipRequestsResolver,
  MentorshipReviewResolver,
  MentorshipWorkspaceResolver,
  MentorshipMessageResolver,
  MentorshipSessionsResolver,
  MentorAvailabilityResolver,
  ProfileResponsivenessResolver,
  RequestNextMentorResolver,
  CheckInsResolver,
  ProfileOutcomesResolver,
  ConductResolver,
  ProfilePauseResolver,
  ReviewExpectationsResolver,
  MentorViewerRequestResolver,
];
