import type { AnchorHTMLAttributes } from "react";
import { followLink } from "../router.ts";

/** An in-app link: a real <a href> (so it works with keyboard, middle-click and screen readers). */
export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a href={href} {...rest} onClick={followLink}>
      {children}
    </a>
  );
}
