import { useSyncExternalStore } from "react";

type DisplayPref = "large-text" | "high-contrast";
const prefs: readonly DisplayPref[] = ["large-text", "high-contrast"];
const keyOf = (name: DisplayPref) => `parley.display.${name}`;
const listeners = new Set<() => void>();

const stored = (name: DisplayPref) => localStorage.getItem(keyOf(name)) === "1";

/**
 * Applies the choices remembered on this browser to every page from its first load: the
 * debrief projected after a class keeps the dashboard's large text (it had them only once
 * the dashboard had been opened in that tab).
 */
export function applyStoredDisplayPrefs(): void {
  for (const name of prefs) document.documentElement.classList.toggle(name, stored(name));
}

function setDisplayPref(name: DisplayPref, on: boolean): void {
  localStorage.setItem(keyOf(name), on ? "1" : "0");
  document.documentElement.classList.toggle(name, on);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// A choice made in another tab of this browser (the dashboard's, with the debrief projected
// from a second one) applies here at once.
if (typeof window !== "undefined")
  window.addEventListener("storage", (event) => {
    if (!prefs.some((name) => event.key === keyOf(name))) return;
    applyStoredDisplayPrefs();
    for (const listener of listeners) listener();
  });

/**
 * Large text and high contrast for projectors, remembered on this browser. Every component
 * that reads one (the charts draw their text and colours by them) renders again when it
 * changes.
 */
export function useDisplayPref(name: DisplayPref): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, () => stored(name));
  return [on, (value: boolean) => setDisplayPref(name, value)];
}
