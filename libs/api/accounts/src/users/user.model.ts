import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '@crossroads/shared-domain';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do; each role includes the ones before it.' });

@ObjectType('User', { description: 'A person on Crossroads.' })
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique, lower-case name used in links and mentions.' })
  handle!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Int, { description: 'Sum of the reputation ledger.' })
  reputation!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Markdown; render it safely.' })
  bio!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => [String], { description: 'http(s) links the member chose to show.' })
  links!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The uploaded avatar, 256 × 256 WebP (the same address ending in /48.webp or /128.webp gives the smaller sizes); null: show the initials avatar.',
  })
  avatarUrl!: string | null;

  /** Kept for the email field resolver, which shows it only to the person and to admins. */
  privateEmail!: string | null;

  /** Kept for the emailVerified field resolver (same audience as email). */
  privateEmailVerified!: boolean;
}
