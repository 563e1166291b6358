import type { TopicEntity } from './topic.entity.js';
import { TopicModel } from './topic.model.js';

export function toTopicModel(t: TopicEntity): TopicModel {
  return Object.assign(new TopicModel(), { id: t.id, slug: t.slug, name: t.name, description: t.description, position: t.position, createdAt: t.createdAt });
}
