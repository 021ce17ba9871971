/** Series colours (checked for contrast on white) and dash patterns, so lines differ by more than colour. */
export const seriesColours = ["#1f5fa8", "#b3471d", "#2e7d32", "#7b3fa0", "#8a6d00", "#00796b", "#c2185b", "#455a64"];
export const seriesDashes = ["", "6 3", "2 3", "10 3 2 3", "4 4", "1 2", "8 2", "3 6"];
export const seriesShapes = ["circle", "square", "triangle", "diamond", "star", "cross", "wye", "circle"] as const;
