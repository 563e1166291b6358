// pg-boss 10 has no typings for its internals; this module only patches two methods of its Manager.
// @ts-expect-error -- untyped internal module of pg-boss 10 (CommonJS, no exports map)
import Manager from 'pg-boss/src/manager.js';

type Settling = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/**
 * pg-boss 10's workers complete or fail a job without awaiting it. When the database is down at that
 * moment (a restart, a failover), the promise rejects with nobody listening, and Node ends the process
 * on an unhandled rejection. Marking those promises handled keeps the API up; callers that await
 * them still see the error, and the job, left active, expires and is retried by maintenance.
 */
export function settlePgBossCompletions(): void {
  const proto = (Manager as { prototype: Record<string, Settling & { settled?: true }> }).prototype;
  for (const name of ['complete', 'fail']) {
    const original = proto[name];
    if (!original || original.settled) continue;
    const settled: Settling & { settled?: true } = function (this: unknown, ...args: unknown[]) {
      const done = original.apply(this, args);
      done.catch(() => undefined);
      return done;
    };
    settled.settled = true;
    proto[name] = settled;
  }
}
