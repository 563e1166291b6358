import type { DemoMentorship } from './types.js';

/** Mentorship requests in each state the directory and profiles show (original text written for Crossroads). */
export const DEMO_MENTORSHIPS: DemoMentorship[] = [
  {
    mentee: 'amara-okafor',
    mentor: 'grace-mensah',
    questionTitle: 'Customer service manager to project manager: where do I actually start?',
    status: 'COMPLETED',
    daysAgo: 56,
    message: `Hi Grace, your answer on my question about moving from customer service into project management was the
most useful thing I have read in months. Could you help me rework my CV and prepare for interviews over the next few
weeks?`,
    response: 'Happy to. Send me your current CV and two job adverts you like, and we will start there.',
    review: {
      rating: 5,
      body: 'Grace helped me turn three "side projects" into a CV that got me four interviews and an offer. Practical, warm and honest.',
    },
  },
  {
    mentee: 'kofi-asante',
    mentor: 'priya-raman',
    questionTitle: 'Project manager to PMO: is it a step up, sideways, or a step back?',
    status: 'ACCEPTED',
    daysAgo: 12,
    message: `I am weighing up a PMO manager role after six years of delivery. I would really value an hour to talk
through how to assess the PMO and what the first six months should look like if I take it.`,
    response:
      'Glad to help. Let us start with the questions from my answer, then look at the role description together.',
  },
  {
    mentee: 'jasmine-wong',
    mentor: 'declan-byrne',
    questionTitle: 'How detailed should a project plan be for a six-month internal project?',
    status: 'PENDING',
    daysAgo: 2,
    message: `I am planning my first real project and my plan has far too many tasks. Could you look at it with me and
help me find the right level of detail for the sponsor and for the team?`,
  },
];
