import { roleHasPermission } from '@crossroads/shared-domain';
import type { Principal } from '@crossroads/api-platform';

/** Moderators and admins see every draft; anyone else only the drafts they wrote. */
export function seesAllDrafts(viewer: Principal | null): boolean {
  return !!viewer && roleHasPermission(viewer.role, 'article.write');
}

/** Published, or a draft the viewer may see. */
export function canSee(viewer: Principal | null, article: { status: string; authorId: string }): boolean {
  return article.status === 'PUBLISHED' || seesAllDrafts(viewer) || (!!viewer && viewer.id === article.authorId);
}
