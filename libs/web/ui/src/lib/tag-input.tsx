import { useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  ComboBox,
  ComboBoxStateContext,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Text,
  type Key,
} from 'react-aria-components';
import { fieldClassName, fieldStyles } from './field.js';

export interface TagSuggestion {
  name: string;
  questionCount?: number;
  description?: string | null;
}

export interface TagInputProps {
  label: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  /** Autocomplete suggestions for the text being typed (the caller fetches them). */
  suggestions: readonly TagSuggestion[];
  onInputChange?: (text: string) => void;
  max: number;
  /** Checks one tag name; returns a message when it is not allowed. */
  validateTag?: (name: string) => string | null;
  hint?: string;
  error?: string | undefined;
  name?: string;
}

/** "1 tag", "5 tags": counts in this box's messages read right for one and for many. */
export function tagCount(n: number): string {
  return `${n} ${n === 1 ? 'tag' : 'tags'}`;
}

/** Why the box is disabled once the list is full (its description while full). */
export function limitMessage(max: number): string {
  return max === 1
    ? 'You have chosen a tag, the most allowed: remove it to choose another.'
    : `You have chosen ${max} tags, the most allowed: remove one to add another.`;
}

/** Normalizes what was typed into a tag name: trimmed, lower-case, spaces become dashes. */
export function normalizeTag(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '-');
}

/**
 * Tags as removable chips (react-aria TagGroup) and a combobox (react-aria ComboBox) that
 * suggests existing tags while typing. Enter or comma adds what was typed; Backspace in an empty
 * box removes the last tag. After a pick or Escape the popup closes (so nothing else stays
 * aria-hidden) and focus stays in the box; at the limit the box is disabled and says why.
 */
export function TagInput({
  label,
  value,
  onChange,
  suggestions,
  onInputChange,
  max,
  validateTag,
  hint,
  error,
  name,
}: TagInputProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const full = value.length >= max;
  const inputRef = useRef<HTMLInputElement>(null);
  const chosenRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<(() => void) | null>(null);
  const openRef = useRef<(() => void) | null>(null);
  // Set when the person closes the suggestions (Escape, a pick); typing again clears it.
  const dismissed = useRef(false);
  const [open, setOpen] = useState(false);
  const hiddenBefore = useRef<Set<Element>>(new Set());
  // react-aria hides the rest of the page while suggestions show, as for a modal. This popup is not
  // modal (Tab and clicks leave it, the form stays usable), so undo that: nothing focusable may be
  // aria-hidden (axe aria-hidden-focus). What was hidden before opening stays hidden. react-aria
  // also hides what the page adds while the popup is open (the ask form's similar questions
  // arriving as one types): undo each of those as it happens.
  useEffect(() => {
    if (!open) return;
    const unhide = (el: Element) => {
      if (el.getAttribute('aria-hidden') === 'true' && !hiddenBefore.current.has(el) && !el.closest('.combo-popover'))
        el.removeAttribute('aria-hidden');
    };
    document.querySelectorAll('[aria-hidden="true"]').forEach(unhide);
    const observer = new MutationObserver((records) => {
      for (const r of records) if (r.target instanceof Element) unhide(r.target);
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-hidden'] });
    return () => observer.disconnect();
  }, [open]);

  // Focus stays where the person is typing; a full list disables the box, so focus goes to the last chip.
  const keepFocus = (nowFull: boolean) => {
    requestAnimationFrame(() => {
      if (!nowFull) inputRef.current?.focus();
      else chosenRef.current?.querySelector<HTMLElement>('[role="row"]:last-child')?.focus();
    });
  };

  const setInput = (t: string) => {
    dismissed.current = false;
    setText(t);
    onInputChange?.(t);
  };

  const add = (raw: string) => {
    const tag = normalizeTag(raw);
    if (!tag) return;
    if (value.includes(tag)) {
      setProblem(`“${tag}” is already added.`);
    } else if (full) {
      setProblem(`At most ${tagCount(max)}.`);
    } else {
      const invalid = validateTag?.(tag) ?? null;
      if (invalid) {
        setProblem(invalid);
        return;
      }
      setProblem(null);
      onChange([...value, tag]);
      dismissed.current = true;
      closeRef.current?.();
      keepFocus(value.length + 1 >= max);
    }
    setInput('');
  };

  const remove = (keys: Set<Key>) => {
    setProblem(null);
    const rest = value.filter((t) => !keys.has(t));
    onChange(rest);
    // The chip (and, for the last one, the whole list) goes away: carry on typing in the box.
    keepFocus(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && text.trim()) {
      // Enter on a highlighted suggestion is handled by the ComboBox (onSelectionChange).
      const highlighted = e.currentTarget.getAttribute('aria-activedescendant');
      if (e.key === 'Enter' && highlighted) return;
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && !text && value.length > 0) {
      onChange(value.slice(0, -1));
    } else if (e.key === 'Escape') {
      dismissed.current = true;
      closeRef.current?.();
    }
  };

  const items = suggestions.filter((s) => !value.includes(s.name));
  const message = problem ?? error;
  return (
    <div className={fieldClassName(!!message, 'tag-input')}>
      <ComboBox
        items={items}
        inputValue={text}
        onInputChange={setInput}
        onSelectionChange={(key) => {
          if (key != null) add(String(key));
        }}
        selectedKey={null}
        onOpenChange={(isOpen) => {
          if (isOpen) hiddenBefore.current = new Set(document.querySelectorAll('[aria-hidden="true"]'));
          setOpen(isOpen);
          // react-aria closes a non-modal popup on any scroll of the page, including one the browser
          // makes when content above shifts (the ask form's similar questions arriving). While the
          // person is still typing here and did not close it, show the suggestions again.
          if (!isOpen && text.trim()) {
            requestAnimationFrame(() => {
              if (!dismissed.current && document.activeElement === inputRef.current && inputRef.current?.value.trim())
                openRef.current?.();
            });
          }
        }}
        allowsCustomValue
        // Suggestions arrive after typing (fetched): open at once and show them as they come. Only
        // while something is typed: clearing the box after a pick would otherwise reopen it.
        allowsEmptyCollection={text.trim() !== ''}
        menuTrigger="input"
        isDisabled={full}
        isInvalid={Boolean(message)}
        className="tag-input__combo"
      >
        <Label className={fieldStyles.label}>{label}</Label>
        <PopupHandle closeRef={closeRef} openRef={openRef} />
        <Input
          ref={inputRef}
          className={fieldStyles.input}
          name={name}
          onKeyDown={onKeyDown}
          placeholder={full ? undefined : 'Type a tag and press Enter'}
        />
        <Text slot="description" className={full ? `${fieldStyles.hint} ${fieldStyles.over}` : fieldStyles.hint}>
          {full ? limitMessage(max) : (hint ?? `Up to ${tagCount(max)}. Choose a suggestion or press Enter to add.`)}
        </Text>
        {message ? (
          <Text slot="errorMessage" className={fieldStyles.error} data-field-error>
            {message}
          </Text>
        ) : null}
        <Popover className="combo-popover" placement="bottom start">
          <ListBox<TagSuggestion>
            className="combo-list"
            renderEmptyState={() => <p className="combo-empty">No existing tag matches: press Enter to add it.</p>}
          >
            {(item) => (
              <ListBoxItem
                id={item.name}
                textValue={item.name}
                // Read as "career-change, 19 questions" rather than the run-together visible text.
                aria-label={
                  item.questionCount != null
                    ? `${item.name}, ${item.questionCount} ${item.questionCount === 1 ? 'question' : 'questions'}`
                    : undefined
                }
                className="combo-item"
              >
                <span className="combo-item__name">{item.name}</span>{' '}
                {item.questionCount != null ? (
                  <span className="combo-item__count">
                    {item.questionCount} {item.questionCount === 1 ? 'question' : 'questions'}
                  </span>
                ) : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {value.length > 0 ? (
        <TagGroup
          ref={chosenRef}
          aria-label={`Chosen ${label.toLowerCase()}`}
          onRemove={remove}
          className="tag-input__chosen"
        >
          <TagList className="tag-chips">
            {value.map((t) => (
              <Tag key={t} id={t} textValue={t} className="tag-chip tag-chip--removable">
                {t}
                <Button slot="remove" className="tag-chip__remove">
                  ×
                </Button>
              </Tag>
            ))}
          </TagList>
        </TagGroup>
      ) : null}
    </div>
  );
}

/** Lends the ComboBox's close() (a pick keeps no selection, so it would stay open) and open() to the TagInput. */
function PopupHandle({
  closeRef,
  openRef,
}: {
  closeRef: { current: (() => void) | null };
  openRef: { current: (() => void) | null };
}) {
  const state = useContext(ComboBoxStateContext);
  // After each render (a ref is written outside render); the handlers that call it run later.
  useEffect(() => {
    closeRef.current = state ? () => state.close() : null;
    openRef.current = state ? () => state.open(null, 'manual') : null;
  });
  return null;
}
