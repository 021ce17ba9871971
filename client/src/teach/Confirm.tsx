import type { ReactNode } from "react";

/**
 * A question asked in place of the control that raised it, before something that cannot be
 * undone (End, Advance in a last round, a new link that closes a student's page): what will
 * happen, the button that does it, and Cancel. `as="div"` where a span cannot go (a table cell).
 */
export function Confirm({
  children,
  yes,
  tone = "danger",
  onYes,
  onCancel,
  as: Tag = "span",
}: {
  /** What pressing `yes` will do. */
  children: ReactNode;
  /** The button's words ("Yes, end it"). */
  yes: string;
  tone?: "danger" | "primary";
  onYes: () => void;
  onCancel: () => void;
  as?: "span" | "div";
}) {
  return (
    <Tag className="row" role="alert">
      {children}
      <button type="button" className={tone} onClick={onYes}>
        {yes}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </Tag>
  );
}
