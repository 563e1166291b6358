import { Module } from '@nestjs/common';
import { AccountsModule } from '@crossroads/api-accounts';
import { QaModule } from '@crossroads/api-qa';
import { AccountErasedHandler } from './events/account-erased.handler.js';
import { MentoringExportPart } from './export/mentoring-export.part.js';
import { MatchingService } from './matching/matching.service.js';
import { QuestionMentorsResolver } from './matching/question-mentors.resolver.js';
import { MentorProfilesResolver, UserMentorProfileResolver } from './profiles/mentor-profiles.resolver.js';
import { MentorProfilesService } from './profiles/mentor-profiles.service.js';
import { MentorshipExpiryJob } from './requests/mentorship-expiry.job.js';
import { MentorshipRequestsResolver, MentorshipReviewResolver } from './requests/mentorship-requests.resolver.js';
import { MentorshipRequestsService } from './requests/mentorship-requests.service.js';
import { MentorshipReviewsService } from './reviews/mentorship-reviews.service.js';
import { MentorViewerRequestResolver } from './requests/viewer-open-request.resolver.js';

/** Mentor profiles, the directory, matching, mentorship requests and reviews. */
@Module({
  imports: [AccountsModule, QaModule],
  providers: [
    MentoringExportPart,
    MentorProfilesService,
    MatchingService,
    MentorshipRequestsService,
    MentorshipReviewsService,
    MentorshipExpiryJob,
    AccountErasedHandler,
    MentorProfilesResolver,
    UserMentorProfileResolver,
    QuestionMentorsResolver,
    MentorshipRequestsResolver,
    MentorshipReviewResolver,
    MentorViewerRequestResolver,
  ],
  exports: [MentorProfilesService, MentorshipRequestsService],
})
export class MentoringModule {}
