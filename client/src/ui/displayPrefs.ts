import { useEffect, useState } from "react";

type DisplayPref = "large-text" | "high-contrast";
const prefs: readonly DisplayPref[] = ["large-text", "high-contrast"];
const keyOf = (name: DisplayPref) => `parley.display.${name}`;

/**
 * Applies the choices remembered on this browser to every page from its first load: the
 * debrief projected after a class keeps the dashboard's large text (it had them only once
 * the dashboard had been opened in that tab).
 */
export function applyStoredDisplayPrefs(): void {
  for (const name of prefs) document.documentElement.classList.toggle(name, localStorage.getItem(keyOf(name)) === "1");
}

/** Large text and high contrast for projectors, remembered on this browser. */
export function useDisplayPref(name: DisplayPref): [boolean, (on: boolean) => void] {
  const key = keyOf(name);
  const [on, setOn] = useState(() => localStorage.getItem(key) === "1");
  useEffect(() => {
    document.documentElement.classList.toggle(name, on);
    localStorage.setItem(key, on ? "1" : "0");
  }, [on, key, name]);
  return [on, setOn];
}
