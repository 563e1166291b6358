import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@crossroads/api-platform';

@ObjectType('Tag', { description: 'A topic label: lower-case a–z, 0–9, +, #, . and -, 2–25 characters.' })
export class TagModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { description: 'Live questions carrying the tag (kept exact).' })
  questionCount!: number;
}

@ObjectType('TagEdge')
export class TagEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => TagModel)
  node!: TagModel;
}

@ObjectType('TagConnection', { description: 'Tags, most used first.' })
export class TagConnectionModel {
  @Field(() => [TagEdgeModel])
  edges!: TagEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
