import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type Principal } from '@crossroads/api-platform';
import { QuestionModel, toQuestionModel } from '@crossroads/api-qa';
import { CloseQuestionInput } from './dto/close-question.input.js';
import { QuestionModerationService } from './question-moderation.service.js';

@Resolver(() => QuestionModel)
export class QuestionModerationResolver {
  constructor(private readonly questions: QuestionModerationService) {}

  @Mutation(() => QuestionModel, {
    description: 'MODERATOR+: closes a question (it then takes no new answers). Logged.',
  })
  @RequirePermission('question.close')
  async closeQuestion(
    @Args('input') input: CloseQuestionInput,
    @CurrentUser() viewer: Principal,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.questions.close(viewer, input));
  }

  @Mutation(() => QuestionModel, { description: 'MODERATOR+: reopens a closed question. Logged.' })
  @RequirePermission('question.close')
  async reopenQuestion(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() viewer: Principal,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.questions.reopen(viewer, id));
  }
}
