import { type ReactNode, useEffect, useId, useRef } from 'react';
import './modal-dialog.css';

interface ModalDialogProps {
  title: string;
  /** Escape, the close button or Cancel; ignored while `busy` (the request is under way). */
  onClose: () => void;
  busy?: boolean;
  children: ReactNode;
  className?: string;
}

/**
 * A modal <dialog>: the browser keeps focus inside and the page inert; Escape closes it; when it goes,
 * focus returns to what had it before (the button that opened it).
 */
export function ModalDialog({ title, onClose, busy = false, children, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latest = useRef({ onClose, busy });
  useEffect(() => {
    latest.current = { onClose, busy };
  });
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // Escape fires `cancel`: React state decides whether the dialog goes, not the browser.
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!latest.current.busy) latest.current.onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      if (opener?.isConnected === true) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
