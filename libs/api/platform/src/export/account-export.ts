import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The port through which each context puts a member's data into their export (`GET /me/export`,
 * assembled by accounts): what they wrote and chose there, read from the context's own tables.
 * It runs in the export's one REPEATABLE READ transaction (one snapshot across contexts).
 */
export interface AccountExportPart {
  /** Top-level keys of the export document this context fills (unique across contexts). */
  readonly keys: readonly string[];
  export(m: EntityManager, userId: string): Promise<Record<string, unknown>>;
}

/** Parts register here at module init; accounts asks each in turn. */
@Injectable()
export class AccountExportParts {
  private readonly parts: AccountExportPart[] = [];

  register(part: AccountExportPart): void {
    const taken = new Set(this.parts.flatMap((p) => p.keys));
    const clash = part.keys.find((k) => taken.has(k));
    if (clash) throw new Error(`Account export key "${clash}" is registered twice`);
    this.parts.push(part);
  }

  /** Every part's keys merged, in the order the parts declare them. */
  async collect(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const part of this.parts) {
      const data = await part.export(m, userId);
      for (const key of part.keys) out[key] = data[key];
    }
    return out;
  }
}
