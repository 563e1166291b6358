import { useId, type ChangeEvent } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { MarkdownView } from './markdown-view.js';

export interface MarkdownEditorProps {
  name: string;
  label: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLTextAreaElement>) => void;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
}

/** A Markdown textarea with a Write / Preview switch (react-aria Tabs); the preview renders like the published post. */
export function MarkdownEditor({ name, label, value, onChange, error, hint, rows = 10, maxLength }: MarkdownEditorProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid md-editor' : 'field md-editor'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <Tabs className="md-editor__tabs">
        <TabList aria-label={`${label}: write or preview`} className="md-editor__tablist">
          <Tab id="write" className="md-editor__tab">
            Write
          </Tab>
          <Tab id="preview" className="md-editor__tab">
            Preview
          </Tab>
        </TabList>
        <TabPanel id="write" shouldForceMount className="md-editor__panel">
          <textarea
            id={id}
            name={name}
            className="field__input md-editor__textarea"
            rows={rows}
            value={value}
            onChange={onChange}
            maxLength={maxLength}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </TabPanel>
        <TabPanel id="preview" className="md-editor__panel md-editor__preview">
          {value.trim() ? <MarkdownView source={value} /> : <p className="muted">Nothing to preview yet.</p>}
        </TabPanel>
      </Tabs>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
