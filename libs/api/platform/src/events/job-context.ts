import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Set while a queued job's handler runs, so work done in the background can be told apart from a
 * request's own (the statement tests count only the request's statements).
 */
export const jobContext = new AsyncLocalStorage<{ queue: string }>();

/** Whether the caller runs inside a job handler. */
export const inJob = (): boolean => jobContext.getStore() !== undefined;
