import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';

export interface Disclosure<R extends HTMLElement> {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Spread on the toggle button: its ref, aria-expanded, aria-controls and onClick. */
  buttonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    type: 'button';
    'aria-expanded': boolean;
    'aria-controls': string;
    onClick: () => void;
  };
  /** The id for the content the button shows and hides. */
  contentId: string;
  /** The element holding button and content: a click outside it closes. */
  rootRef: RefObject<R | null>;
}

/**
 * A disclosure (a button showing and hiding content, such as a header menu). It closes on Escape
 * (focus goes back to the button), on a mouse press outside `rootRef`, and on navigation.
 */
export function useDisclosure<R extends HTMLElement = HTMLElement>(): Disclosure<R> {
  const [open, setOpen] = useState(false);
  const contentId = useId();
  const rootRef = useRef<R>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Navigation closes: reset during render when the path changes (no effect, no extra render pass).
  const [path, setPath] = useState(pathname);
  if (path !== pathname) {
    setPath(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPress = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPress);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPress);
    };
  }, [open]);

  return {
    open,
    setOpen,
    contentId,
    rootRef,
    buttonProps: {
      ref: buttonRef,
      type: 'button',
      'aria-expanded': open,
      'aria-controls': contentId,
      onClick: () => setOpen(!open),
    },
  };
}
