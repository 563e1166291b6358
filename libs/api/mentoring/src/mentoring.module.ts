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
import { SessionInviteController, SessionInvites } from './sessions/session-invite.js';
import { SessionRemindersJob } from './sessions/session-reminders.job.js';
import { MentorAvailabilityResolver, MentorshipSessionsResolver } from './sessions/sessions.resolver.js';
import { MentorshipSessionsService } from './sessions/sessions.service.js';
import {
  MentorshipMessageResolver,
  MentorshipThreadPublisher,
  MentorshipWorkspaceResolver,
} from './workspace/workspace.resolver.js';
import { MentorshipWorkspaceService } from './workspace/workspace.service.js';
import { WorkspaceExportPart } from './workspace/workspace-export.part.js';
import { TestMentorshipsController } from './bulk/test-mentorships.controller.js';
import { CheckInsResolver, ProfileOutcomesResolver } from './check-ins/check-ins.resolver.js';
import { CheckInsService } from './check-ins/check-ins.service.js';
import { ConductResolver, ProfilePauseResolver, ReviewExpectationsResolver } from './conduct/conduct.resolver.js';
import { ConductService } from './conduct/conduct.service.js';
import { SessionEventsHandler } from './conduct/session-events.handler.js';
import { RequestReminderJob } from './responsiveness/request-reminder.job.js';
import { ProfileResponsivenessResolver, RequestNextMentorResolver } from './responsiveness/responsiveness.resolver.js';
import { ResponsivenessService } from './responsiveness/responsiveness.service.js';

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
    MentorshipWorkspaceService,
    WorkspaceExportPart,
    MentorshipSessionsService,
    SessionInvites,
    SessionRemindersJob,
    MentorshipThreadPublisher,
    MentorshipWorkspaceResolver,
    MentorshipMessageResolver,
    MentorshipSessionsResolver,
    MentorAvailabilityResolver,
    ConductService,
    CheckInsService,
    ResponsivenessService,
    RequestReminderJob,
    SessionEventsHandler,
    ProfileResponsivenessResolver,
    RequestNextMentorResolver,
    CheckInsResolver,
    ProfileOutcomesResolver,
    ConductResolver,
    ProfilePauseResolver,
    ReviewExpectationsResolver,
  ],
  controllers: [SessionInviteController, TestMentorshipsController],
  exports: [
    MentorProfilesService,
    MentorshipRequestsService,
    MentorshipWorkspaceService,
    MentorshipSessionsService,
    SessionInvites,
    SessionRemindersJob,
    CheckInsService,
    ConductService,
    RequestReminderJob,
    SessionEventsHandler,
  ],
})
export class MentoringModule {}
