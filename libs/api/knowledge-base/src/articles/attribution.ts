/** Markdown-safe text inside a link label. */
const label = (text: string) => text.replace(/([\\[\]*_`])/g, '\\$1');

export interface Attribution {
  questionId: string;
  title: string;
  question: string;
  answer: string;
  asker: string;
  answerer: string;
}

/** The body of a promoted article: an attribution block, the question, the accepted answer, and a closing credit linking back. */
export function attributedBody(a: Attribution): string {
  const thread = `/q/${a.questionId}`;
  return [
    `> **From the community.** Adapted from the question [${label(a.title)}](${thread}) asked by @${a.asker}, with the accepted answer by @${a.answerer}.`,
    '',
    '## The question',
    '',
    a.question.trim(),
    '',
    '## The answer',
    '',
    a.answer.trim(),
    '',
    '---',
    '',
    `*Originally asked by @${a.asker} and answered by @${a.answerer} on Crossroads. [Read the full thread](${thread}).*`,
    '',
  ].join('\n');
}
