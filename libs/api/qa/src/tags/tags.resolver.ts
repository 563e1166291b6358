import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, connectionOf } from '@crossroads/api-platform';
import { TagsArgs } from './dto/tags.args.js';
import { toTagModel } from './tag.mapper.js';
import { TagConnectionModel, TagModel } from './tag.model.js';
import { TagsService } from './tags.service.js';

@Resolver(() => TagModel)
export class TagsResolver {
  constructor(private readonly tagsService: TagsService) {}

  @Query(() => TagConnectionModel, {
    description: 'Tags, most used first; `query` filters by name prefix (autocomplete).',
  })
  @Public()
  async tags(@Args() args: TagsArgs): Promise<TagConnectionModel> {
    const page = await this.tagsService.list(args);
    const { edges, pageInfo } = connectionOf(page.items, page.cursorOf, toTagModel, page.hasNextPage);
    return Object.assign(new TagConnectionModel(), { edges, pageInfo, totalCount: page.totalCount });
  }
}
