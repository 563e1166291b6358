import { CAREER_CHANGE_QUESTIONS } from './questions-career-change.js';
import { PMO_AND_AGILE_QUESTIONS } from './questions-pmo-agile.js';
import type { DemoQuestion } from './types.js';

/** Every demo question, with its answers, comments and votes. */
export const DEMO_QUESTIONS: DemoQuestion[] = [...CAREER_CHANGE_QUESTIONS, ...PMO_AND_AGILE_QUESTIONS];
