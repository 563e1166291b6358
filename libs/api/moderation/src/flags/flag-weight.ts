import { TRUST, flagsCountTowardHiding, type AccountStanding } from '@crossroads/shared-domain';

/** How one flag counts: its weight toward the hide threshold, or a moderator's flag that hides at once. */
export interface FlagWeight {
  weight: number;
  hidesAtOnce: boolean;
}

const isStaff = (a: AccountStanding) => a.role === 'MODERATOR' || a.role === 'ADMIN';

/**
 * product.md (Moderation): a moderator's flag hides at once; a flag from an account under the bar
 * (younger than 3 days or under 15 reputation) weighs nothing; a trusted member (≥ 1,000) weighs
 * 2, any other member 1; members' flags never hide a trusted author's post. `author` is null for
 * guest comments.
 */
export function weighFlag(
  flagger: AccountStanding,
  author: Pick<AccountStanding, 'reputation'> | null,
  now = new Date(),
): FlagWeight {
  if (isStaff(flagger)) return { weight: TRUST.flagHideWeight, hidesAtOnce: true };
  if (!flagsCountTowardHiding(flagger, now)) return { weight: 0, hidesAtOnce: false };
  if (author && author.reputation >= TRUST.trustedReputation) return { weight: 0, hidesAtOnce: false };
  const weight = flagger.reputation >= TRUST.trustedReputation ? TRUST.flagWeight.trusted : TRUST.flagWeight.member;
  return { weight, hidesAtOnce: false };
}

/** True when the open flags' weights reach the hide threshold. */
export const flagsHide = (openWeight: number): boolean => openWeight >= TRUST.flagHideWeight;
