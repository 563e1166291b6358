import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { SaxesParser } from 'saxes';

export type Row = Record<string, string>;

/** A dump file that is cut off or not well-formed: where reading stopped, and how many complete rows came before. */
export class XmlBreakError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly rowsBefore: number,
    reason: string,
  ) {
    super(`${basename(file)} is cut off or not well-formed at line ${line}, column ${column} (${file}): ${reason}`);
    this.name = 'XmlBreakError';
  }
}

/**
 * Streams the `<row …/>` elements of a Stack Exchange dump file, in batches, with bounded memory.
 * The UTF-8 byte order mark is dropped; the DOCTYPE line is parsed but no DTD is ever fetched
 * (saxes does not load external entities). `onBytes` receives the bytes read so far.
 *
 * When the file breaks (truncated, or not well-formed), every complete row before the break is
 * yielded first, then an XmlBreakError naming the line is thrown.
 */
export async function* xmlRowBatches(
  file: string,
  batchSize: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<Row[]> {
  const parser = new SaxesParser();
  const rows: Row[] = [];
  let yielded = 0;
  // in an object: TypeScript does not see the assignment in the error handler
  const broken: { at: { line: number; column: number; reason: string; rows: number } | null } = { at: null };
  parser.on('opentag', (tag) => {
    if (tag.name === 'row' && !broken.at) rows.push(tag.attributes as Row);
  });
  parser.on('error', (e) => {
    // saxes prefixes "line:column: "; the position is reported separately
    broken.at ??= {
      line: parser.line,
      column: parser.column + 1,
      reason: e.message.replace(/^\d+:\d+: /, ''),
      rows: yielded + rows.length,
    };
  });
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
      first = false;
      onBytes?.(stream.bytesRead);
      while (rows.length >= batchSize) {
        yielded += batchSize;
        yield rows.splice(0, batchSize);
      }
      if (broken.at) break;
    }
    if (!broken.at) parser.close();
    while (rows.length) {
      const batch = rows.splice(0, batchSize);
      yielded += batch.length;
      yield batch;
    }
    const at = broken.at;
    if (at) throw new XmlBreakError(file, at.line, at.column, at.rows, at.reason);
  } finally {
    stream.destroy();
  }
}
