import { charactersLeftText } from "./charactersLeft.ts";

/**
 * The line under such a field (give the field `aria-describedby={id}`); announced politely
 * when it changes, empty and without height while the text is short.
 */
export function CharactersLeft({ id, length, max }: { id: string; length: number; max: number }) {
  return (
    <p id={id} className="muted small characters-left" aria-live="polite">
      {charactersLeftText(length, max)}
    </p>
  );
}
