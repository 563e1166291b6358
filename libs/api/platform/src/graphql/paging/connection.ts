import { PageInfoModel } from './page-info.model.js';

/** Relay edges and page info from a page of items and their cursors. */
export function connectionOf<T, M>(
  items: T[],
  cursorOf: (item: T, i: number) => string,
  toModel: (item: T) => M,
  hasNextPage: boolean,
) {
  const edges = items.map((item, i) => ({ cursor: cursorOf(item, i), node: toModel(item) }));
  const pageInfo = Object.assign(new PageInfoModel(), {
    hasNextPage,
    endCursor: edges.length ? edges[edges.length - 1].cursor : null,
  });
  return { edges, pageInfo };
}
