import type { ChangeEvent } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { MarkdownView } from './markdown-view.js';
import { Field } from './field.js';

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
export function MarkdownEditor({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  rows = 10,
  maxLength,
}: MarkdownEditorProps) {
  return (
    <Field label={label} hint={hint} error={error} className="md-editor">
      {(control) => (
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
              {...control}
              className={`${control.className} md-editor__textarea`}
              name={name}
              rows={rows}
              value={value}
              onChange={onChange}
              maxLength={maxLength}
            />
          </TabPanel>
          <TabPanel id="preview" className="md-editor__panel md-editor__preview">
            {value.trim() ? <MarkdownView source={value} /> : <p className="muted">Nothing to preview yet.</p>}
          </TabPanel>
        </Tabs>
      )}
    </Field>
  );
}
