/** Series colours: each at least 4.5:1 on white (WCAG 1.4.11 asks 3:1 of graphics), told apart by the legend and the table too. */
export const SERIES_COLOURS = {
  questions: '#0e5b5a',
  answers: '#9a3412',
  comments: '#4338ca',
} as const;

export type SeriesKey = keyof typeof SERIES_COLOURS;
export const SERIES_LABELS: Record<SeriesKey, string> = {
  questions: 'Questions',
  answers: 'Answers',
  comments: 'Comments',
};
