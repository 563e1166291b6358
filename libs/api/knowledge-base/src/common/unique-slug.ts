import { ConflictError, isUniqueViolation } from '@crossroads/api-platform';

/** Runs a write; a unique-slug violation becomes CONFLICT naming `slug`. */
export async function withUniqueSlug<T>(what: string, slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e, /_slug_key$/))
      throw new ConflictError(`A ${what} with the slug "${slug}" already exists.`, 'slug');
    throw e;
  }
}
