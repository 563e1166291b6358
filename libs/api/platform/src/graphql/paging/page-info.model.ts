import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo', {
  description: 'Where a page of a connection ends. Pass endCursor as `after` for the next page.',
})
export class PageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
