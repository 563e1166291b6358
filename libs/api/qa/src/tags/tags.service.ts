import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { byKeys, type LoaderRegistry, decodeCursor, encodeCursor, pageSize, toPage } from '@crossroads/api-platform';
import { TagEntity } from './tag.entity.js';
import { ensureTags, tagPage, tagsByName, type TagRow } from './tags.repository.js';

const toTag = (r: TagRow) => Object.assign(new TagEntity(), r);

@Injectable()
export class TagsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates the tags that do not exist yet (in name order, so concurrent askers never deadlock). */
  async ensure(manager: EntityManager, names: string[]): Promise<void> {
    if (!names.length) return;
    await ensureTags(manager, names);
  }

  loader(loaders: LoaderRegistry) {
    return loaders.get<string, TagEntity | null>('qa.tags.byName', async (names) => {
      const found = await tagsByName(this.dataSource, names);
      return byKeys(names, found.map(toTag), (t) => t.name, null);
    });
  }

  /** Most used first (then by name); `query` keeps the names starting with it (autocomplete). */
  async list(args: { first?: number; after?: string; query?: string }) {
    const size = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 'tags', ['number', 'string']) : null;
    const { totalCount, tags } = await tagPage(this.dataSource, args.query ?? '', after, size + 1);
    const page = toPage(tags.map(toTag), size);
    return { ...page, totalCount, cursorOf: (t: TagEntity) => encodeCursor('tags', [t.questionCount, t.name]) };
  }
}
