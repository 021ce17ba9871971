import type { TableView } from "@parley/shared";
import { useEffect, useRef } from "react";
import { LiveNewsRegion, useLiveNews } from "../ui/LiveNews.tsx";
import { partyName } from "../ui/names.ts";
import { lastSeq, tableNews } from "./tableNews.ts";

/**
 * Says to a screen reader what a sighted student sees come in: a bot's or a classmate's move,
 * a proposal arriving or expiring, the end. Hidden from sight (What happened shows it).
 */
export function TableNews({ view }: { view: TableView }) {
  const seen = useRef<number | undefined>(undefined);
  const { news, say } = useLiveNews();
  useEffect(() => {
    say(tableNews(view.log, seen.current, view.me?.seat, (seat) => partyName(view, seat)));
    seen.current = Math.max(seen.current ?? -1, lastSeq(view.log));
  }, [view, say]);
  return <LiveNewsRegion news={news} testId="table-news" />;
}
