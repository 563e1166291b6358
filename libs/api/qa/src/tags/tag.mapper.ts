import type { TagEntity } from './tag.entity.js';
import { TagModel } from './tag.model.js';

export function toTagModel(t: TagEntity): TagModel {
  return Object.assign(new TagModel(), { name: t.name, description: t.description, questionCount: t.questionCount });
}
