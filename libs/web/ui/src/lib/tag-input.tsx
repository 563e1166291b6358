import { useState, type KeyboardEvent } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text, type Key } from 'react-aria-components';

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

/** Normalizes what was typed into a tag name: trimmed, lower-case, spaces become dashes. */
export function normalizeTag(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '-');
}

/**
 * Tags as removable chips (react-aria TagGroup) and a combobox (react-aria ComboBox) that
 * suggests existing tags while typing. Enter or comma adds what was typed; Backspace in an empty
 * box removes the last tag.
 */
export function TagInput({ label, value, onChange, suggestions, onInputChange, max, validateTag, hint, error, name }: TagInputProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const full = value.length >= max;

  const setInput = (t: string) => {
    setText(t);
    onInputChange?.(t);
  };

  const add = (raw: string) => {
    const tag = normalizeTag(raw);
    if (!tag) return;
    if (value.includes(tag)) {
      setProblem(`“${tag}” is already added.`);
    } else if (full) {
      setProblem(`At most ${max} tags.`);
    } else {
      const invalid = validateTag?.(tag) ?? null;
      if (invalid) {
        setProblem(invalid);
        return;
      }
      setProblem(null);
      onChange([...value, tag]);
    }
    setInput('');
  };

  const remove = (keys: Set<Key>) => {
    setProblem(null);
    onChange(value.filter((t) => !keys.has(t)));
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
    }
  };

  const items = suggestions.filter((s) => !value.includes(s.name));
  const message = problem ?? error;
  return (
    <div className={message ? 'field tag-input field--invalid' : 'field tag-input'}>
      <ComboBox
        items={items}
        inputValue={text}
        onInputChange={setInput}
        onSelectionChange={(key) => {
          if (key != null) add(String(key));
        }}
        selectedKey={null}
        allowsCustomValue
        // Suggestions arrive after typing (fetched): open at once and show them as they come.
        allowsEmptyCollection
        menuTrigger="input"
        isDisabled={full}
        isInvalid={Boolean(message)}
        className="tag-input__combo"
      >
        <Label className="field__label">{label}</Label>
        <Input className="field__input" name={name} onKeyDown={onKeyDown} placeholder={full ? `${max} tags chosen` : 'Type a tag and press Enter'} />
        <Text slot="description" className="field__hint">
          {hint ?? `Up to ${max} tags. Choose a suggestion or press Enter to add.`}
        </Text>
        {message ? (
          <Text slot="errorMessage" className="field__error">
            {message}
          </Text>
        ) : null}
        <Popover className="combo-popover" placement="bottom start">
          <ListBox<TagSuggestion> className="combo-list" renderEmptyState={() => <p className="combo-empty">No existing tag matches: press Enter to add it.</p>}>
            {(item) => (
              <ListBoxItem id={item.name} textValue={item.name} className="combo-item">
                <span className="combo-item__name">{item.name}</span>
                {item.questionCount != null ? <span className="combo-item__count">×{item.questionCount}</span> : null}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {value.length > 0 ? (
        <TagGroup aria-label={`Chosen ${label.toLowerCase()}`} onRemove={remove} className="tag-input__chosen">
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
