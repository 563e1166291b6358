export { safeUrl } from './lib/safe-url.js';
export { MarkdownView, markdownUrlTransform } from './lib/markdown-view.js';
export { MarkdownEditor, type MarkdownEditorProps } from './lib/markdown-editor.js';
export { PlainText, linkify, type TextPart } from './lib/plain-text.js';
export { RelativeTime, RenderClockContext, formatRelative, useHydrated } from './lib/relative-time.js';
export { Avatar, GuestBadge, UserBadge, roleLabel, type BadgeUser } from './lib/user-badge.js';
export { TagChips } from './lib/tag-chips.js';
export { TagInput, normalizeTag, type TagInputProps, type TagSuggestion } from './lib/tag-input.js';
export { VoteButton, type VoteButtonProps } from './lib/vote-button.js';
export { FollowButton, type FollowButtonProps } from './lib/follow-button.js';
export {
  Field,
  TextAreaField,
  TextField,
  fieldClassName,
  fieldStyles,
  type FieldControlProps,
  type FieldOwnProps,
  type FieldProps,
} from './lib/field.js';
export { FormAlert, alertClassName } from './lib/form-alert.js';
export { EmptyState, LoadError, Loading, QueryState, type QueryStateProps } from './lib/query-state.js';
export {
  LoadMoreButton,
  LoadMoreList,
  type LoadMoreButtonProps,
  type LoadMoreListProps,
  type PageInfoLike,
} from './lib/load-more.js';
export { ActionDialog, DialogActions, type ActionDialogProps, type DialogActionsProps } from './lib/action-dialog.js';
export { Tabs, type TabItem, type TabsProps } from './lib/tabs.js';
export { useDisclosure, type Disclosure } from './lib/use-disclosure.js';
export {
  DecisionItem,
  DecisionList,
  type Decision,
  type DecisionItemProps,
  type DecisionListProps,
  type DecisionReason,
} from './lib/decision-list.js';
export { downloadCsv, toCsv, type CsvColumn } from './lib/csv.js';
export {
  ChartPanel,
  CsvButton,
  DataTable,
  Panel,
  type ChartPanelProps,
  type PanelProps,
  type TableColumn,
} from './lib/chart-panel.js';
export {
  BarChart,
  CHART_COLOURS,
  LineChart,
  type BarChartProps,
  type BarSeries,
  type DayBarChartProps,
  type LabelBarChartProps,
  type LabelledBar,
} from './lib/charts.js';
