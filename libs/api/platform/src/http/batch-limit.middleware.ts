import type { NextFunction, Request, Response } from 'express';

/** Refuses a batched GraphQL request (a JSON array body) with more than `max` operations. */
export function batchLimit(max: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (Array.isArray(req.body) && req.body.length > max) {
      res.status(400).json({
        errors: [
          {
            message: `A batch may hold at most ${max} operations (got ${req.body.length}).`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    next();
  };
}
