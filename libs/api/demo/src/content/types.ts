/** The shape of the demo community's content: plain data, turned into real posts by seedDemo. */

export type DemoRole = 'MEMBER' | 'MODERATOR' | 'ADMIN';

export interface DemoMentorProfile {
  headline: string;
  bio: string;
  yearsExperience: number;
  industries: string[];
  certifications: string[];
  expertise: string[];
  links: string[];
  acceptingRequests: boolean;
  maxOpenRequests: number;
  /** Checked by the demo moderator (the verified badge). */
  verified?: boolean;
}

export interface DemoPerson {
  handle: string;
  displayName: string;
  role: DemoRole;
  /** Account age: demo accounts are past the new-account limits. */
  joinedDaysAgo: number;
  mentor?: DemoMentorProfile;
}

export interface DemoComment {
  /** A demo handle, or omitted for a guest comment (always held for moderation). */
  by?: string;
  guest?: { name: string; email: string };
  body: string;
  /** Hours after the post it belongs to. */
  hoursLater: number;
  /** Expected to stay in the moderation queue (PENDING); otherwise it ends PUBLISHED. */
  held?: boolean;
}

export interface DemoAnswer {
  by: string;
  body: string;
  hoursLater: number;
  accepted?: boolean;
  /** Upvotes and downvotes, cast by other demo members. */
  up?: number;
  down?: number;
  comments?: DemoComment[];
}

export interface DemoQuestion {
  by: string;
  title: string;
  body: string;
  tags: string[];
  daysAgo: number;
  views: number;
  up?: number;
  down?: number;
  comments?: DemoComment[];
  answers: DemoAnswer[];
}

export interface DemoMentorship {
  mentee: string;
  mentor: string;
  message: string;
  /** Title of the demo question the request is about, if any. */
  questionTitle?: string;
  status: 'PENDING' | 'ACCEPTED' | 'COMPLETED';
  response?: string;
  review?: { rating: number; body: string };
  daysAgo: number;
}
