import { useEffect, useState } from "react";

/** Large text and high contrast for projectors, remembered on this browser. */
export function useDisplayPref(name: "large-text" | "high-contrast"): [boolean, (on: boolean) => void] {
  const key = `parley.display.${name}`;
  const [on, setOn] = useState(() => localStorage.getItem(key) === "1");
  useEffect(() => {
    document.documentElement.classList.toggle(name, on);
    localStorage.setItem(key, on ? "1" : "0");
  }, [on, key, name]);
  return [on, setOn];
}
