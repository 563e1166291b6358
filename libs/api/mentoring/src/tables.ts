import { mentorProfilesTable } from './profiles/mentor-profiles.repository.js';
import { mentorshipRequestsTable } from './requests/mentorship-requests.repository.js';
import { mentorshipReviewsTable } from './reviews/mentorship-reviews.repository.js';
import { checkInsTable } from './check-ins/check-ins.repository.js';
import { conductIncidentsTable, mentorPausesTable, pauseAppealsTable } from './conduct/conduct.repository.js';
import { availabilityWindowsTable, mentorshipSessionsTable } from './sessions/sessions.repository.js';
import {
  mentorshipMessagesTable,
  mentorshipMessageReportsTable,
  mentorshipPlanRevisionsTable,
  mentorshipReadMarksTable,
} from './workspace/workspace.repository.js';

/** The row types mentoring declares, checked against the migrated schema by apps/api/test/row-types.int-spec.ts. */
export const mentoringTables = [
  mentorProfilesTable,
  mentorshipRequestsTable,
  mentorshipReviewsTable,
  mentorshipMessagesTable,
  mentorshipMessageReportsTable,
  mentorshipReadMarksTable,
  mentorshipPlanRevisionsTable,
  availabilityWindowsTable,
  mentorshipSessionsTable,
  checkInsTable,
  conductIncidentsTable,
  mentorPausesTable,
  pauseAppealsTable,
];
