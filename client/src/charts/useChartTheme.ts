import { useMemo } from "react";
import { useDisplayPref } from "../ui/displayPrefs.ts";
import { type ChartTheme, chartTheme } from "./palette.ts";

/** The charts' sizes and colours for this browser's display choices, following them when they change. */
export function useChartTheme(): ChartTheme {
  const [largeText] = useDisplayPref("large-text");
  const [highContrast] = useDisplayPref("high-contrast");
  return useMemo(() => chartTheme({ largeText, highContrast }), [largeText, highContrast]);
}
