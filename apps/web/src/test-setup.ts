import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom has no CSS.escape (react-aria's modal dialogs use it), as in libs/web/ui's setup.
const css = (globalThis.CSS ?? {}) as { escape?: (s: string) => string };
css.escape ??= (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
(globalThis as { CSS?: unknown }).CSS = css;
