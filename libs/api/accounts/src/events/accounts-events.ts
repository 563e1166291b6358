/** What the accounts context announces, through the platform's EventBus. */
export const ACCOUNTS_EVENTS = {
  accountErased: 'accounts.account-erased',
  /** A member account was created (sign-up or first sign-in with a provider). */
  memberJoined: 'accounts.member.joined',
  /**
   * A session started or was renewed by an account in its first week (`FIRST_WEEK_SIGN_INS_DAYS`):
   * only young accounts are announced, as only their return is counted (insights), so older members'
   * token renewals make no events.
   */
  memberSignedIn: 'accounts.member.signed-in',
} as const;

/** Sign-ins are announced for accounts younger than this (a week, and a day of slack for time zones). */
export const FIRST_WEEK_SIGN_INS_DAYS = 8;

export interface AccountErasedPayload {
  userId: string;
}

export interface MemberJoinedPayload {
  userId: string;
}

export interface MemberSignedInPayload {
  userId: string;
  /** When the account was created. */
  joinedAt: string;
}
