import { Extensions } from '@nestjs/graphql';
import { FULL_TEXT_SEARCH } from './request-budget.plugin.js';

/**
 * Marks a query field as a full-text search when `argument` is given (not blank): it costs
 * GRAPHQL_LIMITS.searchCost and spends one of the client address's searches per minute.
 */
export const FullTextSearch = (argument: string) => Extensions({ [FULL_TEXT_SEARCH]: argument });
