export { safeUrl } from './lib/safe-url.js';
export { MarkdownView, markdownUrlTransform } from './lib/markdown-view.js';
export { MarkdownEditor, type MarkdownEditorProps } from './lib/markdown-editor.js';
export { PlainText, linkify, type TextPart } from './lib/plain-text.js';
export { RelativeTime, formatRelative } from './lib/relative-time.js';
export { Avatar, GuestBadge, UserBadge, roleLabel, type BadgeUser } from './lib/user-badge.js';
export { TagChips } from './lib/tag-chips.js';
export { TagInput, normalizeTag, type TagInputProps, type TagSuggestion } from './lib/tag-input.js';
export { VoteButton, type VoteButtonProps } from './lib/vote-button.js';
