import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PostSource', {
  description:
    'Where an imported post comes from (the Stack Exchange network), for attribution under CC BY-SA: show the link, the author linked to their profile, and the licence.',
})
export class PostSourceModel {
  @Field({ description: 'Host of the original site, e.g. history.meta.stackexchange.com.' })
  site!: string;

  @Field({ description: "The post's id on the original site." })
  originalId!: string;

  @Field({ description: 'Link to the original question or answer.' })
  url!: string;

  @Field({ description: "The original author's display name." })
  authorName!: string;

  @Field(() => String, {
    nullable: true,
    description: "Link to the original author's profile; null when the account was deleted.",
  })
  authorUrl!: string | null;

  @Field({ description: '"CC BY-SA 3.0" (before 2018-05-02) or "CC BY-SA 4.0".' })
  license!: string;

  @Field({ description: 'Link to the licence text.' })
  licenseUrl!: string;
}
