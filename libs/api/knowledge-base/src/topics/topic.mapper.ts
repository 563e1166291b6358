import type { TopicRow } from './topics.repository.js';
import { TopicModel } from './topic.model.js';

export function toTopicModel(t: TopicRow): TopicModel {
  return Object.assign(new TopicModel(), {
    id: t.id,
    slug: t.slug,
    name: t.name,
    description: t.description,
    position: t.position,
    createdAt: t.createdAt,
  });
}
