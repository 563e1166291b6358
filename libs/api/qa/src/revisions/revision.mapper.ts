import type { RevisionEntity } from './revision.entity.js';
import { RevisionModel } from './revision.model.js';

export function toRevisionModel(r: RevisionEntity): RevisionModel {
  return Object.assign(new RevisionModel(), {
    id: r.id,
    createdAt: r.createdAt,
    title: r.title,
    body: r.body,
    tags: r.tags,
    editorId: r.editorId,
  });
}
