import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { byKeys, type LoaderRegistry } from '@crossroads/api-platform';
import { licenceUrl } from '../stackexchange/mapping.js';
import { PostSourceModel } from './post-source.model.js';

interface SourceRow {
  targetId: string;
  site: string;
  sourceId: string;
  url: string;
  authorName: string | null;
  authorUrl: string | null;
  license: string | null;
}

@Injectable()
export class PostSourcesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The source of imported questions and answers by their Crossroads id (null for native posts): one query per request. */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, PostSourceModel | null>('importer.postSources.byTarget', async (ids) => {
      const rows: SourceRow[] = await this.dataSource.query(
        `SELECT target_id AS "targetId", site, source_id AS "sourceId", url, author_name AS "authorName", author_url AS "authorUrl", license
           FROM post_sources WHERE target_id = ANY($1::uuid[]) AND kind IN ('QUESTION', 'ANSWER')`,
        [[...ids]],
      );
      return byKeys(ids, rows, (r) => r.targetId, null).map((r) => (r ? toModel(r) : null));
    });
  }
}

function toModel(r: SourceRow): PostSourceModel {
  const license = r.license ?? 'CC BY-SA 4.0';
  return Object.assign(new PostSourceModel(), {
    site: r.site,
    originalId: r.sourceId,
    url: r.url,
    authorName: r.authorName ?? 'deleted user',
    authorUrl: r.authorUrl,
    license,
    licenseUrl: licenceUrl(license),
  });
}
