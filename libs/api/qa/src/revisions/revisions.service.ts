import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { LoaderRegistry } from '@crossroads/api-platform';
import { RevisionEntity } from './revision.entity.js';
import { insertRevision, revisionsOfPosts, type NewRevision } from './revisions.repository.js';

@Injectable()
export class RevisionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keeps the version being replaced; called in the edit's transaction. */
  async record(manager: EntityManager, rev: NewRevision): Promise<void> {
    await insertRevision(manager, rev);
  }

  /** Revisions of many posts at once, newest first. */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, RevisionEntity[]>('qa.revisions.byPost', async (postIds) => {
      const found = await revisionsOfPosts(this.dataSource, postIds);
      const byPost = new Map<string, RevisionEntity[]>();
      for (const row of found) {
        const r = Object.assign(new RevisionEntity(), row);
        byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), r]);
      }
      return postIds.map((id) => byPost.get(id) ?? []);
    });
  }
}
