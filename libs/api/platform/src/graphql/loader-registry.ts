import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, created on first use. Field resolvers get their loader here,
 * so a page of N items costs one query per field, not N.
 *
 * Some loads discover more ids for other loaders: a page of answers brings the ids of their authors
 * and of their comments' authors, suggested mentors bring their users. Those loads are `track`ed,
 * and loaders created with `after: 'discoveries'` (users, mentor profiles) hold their batch until
 * every tracked load of the request has settled, so a question page loads all its authors in one
 * statement whatever the number of answers, instead of one wave per level of the query.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private pending = 0;
  private held: (() => void)[] = [];

  get<K, V>(
    name: string,
    batch: DataLoader.BatchLoadFn<K, V>,
    options?: DataLoader.Options<K, V, unknown> & { after?: 'discoveries' },
  ): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      const { after, ...rest } = options ?? {};
      const dataLoaderOptions = after === 'discoveries' ? { ...rest, batchScheduleFn: this.afterDiscoveries } : rest;
      loader = new DataLoader<K, V>(batch, dataLoaderOptions as DataLoader.Options<K, V, K>);
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Marks a load that may discover ids for the `after: 'discoveries'` loaders; returns it unchanged. */
  track<T>(load: Promise<T>): Promise<T> {
    this.pending++;
    const settled = () => {
      if (--this.pending === 0) setImmediate(this.release);
    };
    load.then(settled, settled);
    return load;
  }

  /**
   * Batch schedule of the late loaders: once the current turn of the event loop is done (every
   * field resolver it started has asked for its ids), dispatch, unless a tracked load is still
   * running: then wait for the last one to settle.
   */
  private readonly afterDiscoveries = (dispatch: () => void): void => {
    setImmediate(() => {
      if (this.pending) this.held.push(dispatch);
      else dispatch();
    });
  };

  private readonly release = (): void => {
    if (this.pending) return;
    for (const dispatch of this.held.splice(0)) dispatch();
  };
}

/** Orders batch results to match the keys, with `fallback` where no row was found. */
export function byKeys<K, V, F>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: F): (V | F)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? fallback);
}
