import { type ReactNode, type RefObject, useEffect, useRef } from "react";

/**
 * A question asked in place of the control that raised it, before something that cannot be
 * undone (End, Advance in a last round, a new link that closes a student's page): what will
 * happen, the button that does it, and Cancel. `as="div"` where a span cannot go (a table cell).
 * The focus goes to Cancel (the control it replaced had it, and Enter pressed twice must not end
 * a class), and once answered back to the control that raised it: `returnTo` when that control
 * was replaced by the question, else the one that had the focus.
 */
export function Confirm({
  children,
  yes,
  tone = "danger",
  onYes,
  onCancel,
  as: Tag = "span",
  returnTo,
}: {
  /** What pressing `yes` will do. */
  children: ReactNode;
  /** The button's words ("Yes, end it"). */
  yes: string;
  tone?: "danger" | "primary";
  onYes: () => void;
  onCancel: () => void;
  as?: "span" | "div";
  returnTo?: RefObject<HTMLElement | null>;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the question is asked
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancel.current?.focus();
    return () => {
      // After this render, when the control that raised the question is back in its place.
      setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        (opener?.isConnected && opener !== document.body ? opener : returnTo?.current)?.focus();
      });
    };
  }, []);
  return (
    <Tag className="row" role="alert">
      {children}
      <button type="button" className={tone} onClick={onYes}>
        {yes}
      </button>
      <button type="button" ref={cancel} onClick={onCancel}>
        Cancel
      </button>
    </Tag>
  );
}
