export {
  seedDemo,
  demoSeedRefusal,
  demoSignInLines,
  formatDemoSummary,
  DemoSeedRefused,
  type DemoSeedOptions,
  type DemoSeedSummary,
} from './seed-demo.js';
export {
  DEMO_PASSWORD,
  DEMO_EMAIL_DOMAIN,
  DEMO_PEOPLE,
  DEMO_MENTORS,
  DEMO_MEMBERS,
  DEMO_STAFF,
  DEMO_SIGN_INS,
  demoEmail,
} from './content/people.js';
export { DEMO_QUESTIONS } from './content/questions.js';
export { DEMO_MENTORSHIPS } from './content/mentorships.js';
export type {
  DemoAnswer,
  DemoComment,
  DemoMentorProfile,
  DemoMentorship,
  DemoPerson,
  DemoQuestion,
} from './content/types.js';
export { seedDemoOnFirstStart, printSignIns } from './first-start.js';
