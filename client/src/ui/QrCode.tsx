import { useMemo } from "react";
import { encode } from "uqr";

/**
 * The dark modules of a QR code as one SVG path, a run of modules in a row per subpath.
 * The code has the standard's quiet zone of four modules, so it reads on any background.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { data } = encode(text, { ecc: "M", border: 4 });
  let path = "";
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (x + 1 < row.length && row[x + 1]) x++;
      path += `M${start} ${y}h${x - start + 1}v1h${-(x - start + 1)}z`;
    }
  });
  return { size: data.length, path };
}

/** A QR code of `text`, dark on white whatever the page's colours (a phone's camera needs that). */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-qr-text={text}
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
