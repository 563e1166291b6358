import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { LoaderRegistry } from '@crossroads/api-platform';
import type { QaPostType } from '../common/post-type.js';
import { RevisionEntity } from './revision.entity.js';

@Injectable()
export class RevisionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Keeps the version being replaced; called in the edit's transaction. */
  async record(
    manager: EntityManager,
    rev: {
      postType: QaPostType;
      postId: string;
      editorId: string;
      title: string | null;
      body: string;
      tags: string[] | null;
    },
  ): Promise<void> {
    await manager.insert(RevisionEntity, rev);
  }

  /** Revisions of many posts at once, newest first. */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, RevisionEntity[]>('qa.revisions.byPost', async (postIds) => {
      const rows = await this.dataSource.manager
        .createQueryBuilder(RevisionEntity, 'r')
        .where('r.postId IN (:...ids)', { ids: [...postIds] })
        .orderBy('r.createdAt', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .getMany();
      const byPost = new Map<string, RevisionEntity[]>();
      for (const r of rows) byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), r]);
      return postIds.map((id) => byPost.get(id) ?? []);
    });
  }
}
