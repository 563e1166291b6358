import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import styles from './action-dialog.module.css';

export interface ActionDialogProps {
  /** The button that opens the dialog. */
  label: ReactNode;
  /** The dialog's heading (its accessible name). */
  title: ReactNode;
  /** The body; `close` shuts the dialog (after a decision, or on "Cancel"). */
  children: (close: () => void) => ReactNode;
  /** The opening button's class. */
  className?: string;
  /** The opening button's accessible name, when its text needs more context ("… from Ada"). */
  'aria-label'?: string | undefined;
  /** Told when the dialog opens or closes (e.g. to refresh the page once it is closed). */
  onOpenChange?: (isOpen: boolean) => void;
}

/**
 * A button opening a modal dialog (react-aria: focus trapped and restored, Escape and a click
 * outside close it). The body is usually a form asking to confirm, often with a reason.
 */
export function ActionDialog({
  label,
  title,
  children,
  className = 'button button--quiet button--small',
  'aria-label': ariaLabel,
  onOpenChange,
}: ActionDialogProps) {
  return (
    <DialogTrigger onOpenChange={onOpenChange}>
      <Button className={className} aria-label={ariaLabel}>
        {label}
      </Button>
      <DialogFrame title={title}>{children}</DialogFrame>
    </DialogTrigger>
  );
}

/** The overlay, modal and titled dialog inside the DialogTrigger. */
function DialogFrame({ title, children }: { title: ReactNode; children: (close: () => void) => ReactNode }) {
  return (
    <ModalOverlay className={styles['overlay']} isDismissable>
      <Modal className={styles['modal']}>
        <Dialog className={styles['dialog']}>
          {({ close }) => (
            <>
              <Heading slot="title" className={styles['title']}>
                {title}
              </Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export interface DialogActionsProps {
  /** The submit button's text ("Send flag", "Hide"). */
  submitLabel: ReactNode;
  /** While the decision is being sent: the submit button is disabled. */
  busy?: boolean;
  /** A destructive decision (delete, hide): the submit button says so. */
  danger?: boolean;
  onCancel: () => void;
}

/** A dialog form's footer: its submit button and "Cancel". */
export function DialogActions({ submitLabel, busy = false, danger = false, onCancel }: DialogActionsProps) {
  return (
    <p className="dialog__actions">
      <Button type="submit" className={danger ? 'button button--danger' : 'button'} isDisabled={busy}>
        {submitLabel}
      </Button>
      <Button className="button button--quiet" onPress={onCancel}>
        Cancel
      </Button>
    </p>
  );
}
