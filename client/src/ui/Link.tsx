import type { AnchorHTMLAttributes } from "react";
import { followLink } from "../router.ts";

/** An in-app link: a real <a href> (so it works with keyboard, middle-click and screen readers). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={followLink} />;
}
