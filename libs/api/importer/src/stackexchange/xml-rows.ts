import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

export type Row = Record<string, string>;

/**
 * Streams the `<row …/>` elements of a Stack Exchange dump file, in batches, with bounded memory.
 * The UTF-8 byte order mark is dropped; the DOCTYPE line is parsed but no DTD is ever fetched
 * (saxes does not load external entities). `onBytes` receives the bytes read so far.
 */
export async function* xmlRowBatches(file: string, batchSize: number, onBytes?: (bytesRead: number) => void): AsyncGenerator<Row[]> {
  const parser = new SaxesParser();
  const rows: Row[] = [];
  let failure: Error | null = null;
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') rows.push(tag.attributes as Row);
  });
  parser.on('error', (e) => {
    failure ??= e;
  });
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
      first = false;
      if (failure) throw failure;
      onBytes?.(stream.bytesRead);
      while (rows.length >= batchSize) yield rows.splice(0, batchSize);
    }
    parser.close();
    if (failure) throw failure;
    if (rows.length) yield rows;
  } finally {
    stream.destroy();
  }
}
