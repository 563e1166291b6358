import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { byKeys, type LoaderRegistry } from '@crossroads/api-platform';
import { licenceUrl } from '../stackexchange/mapping.js';
import { PostSourceModel } from './post-source.model.js';
import { postSourcesOf, type PostSourceRow } from './post-sources.repository.js';

@Injectable()
export class PostSourcesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The source of imported questions and answers by their Crossroads id (null for native posts): one query per request. */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, PostSourceModel | null>('importer.postSources.byTarget', async (ids) => {
      return byKeys(ids, await postSourcesOf(this.dataSource, ids), (r) => r.targetId, null).map((r) =>
        r ? toModel(r) : null,
      );
    });
  }
}

function toModel(r: PostSourceRow): PostSourceModel {
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
