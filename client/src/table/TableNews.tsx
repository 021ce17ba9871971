import type { TableView } from "@parley/shared";
import { useEffect, useRef, useState } from "react";
import { partyName } from "../ui/names.ts";
import { lastSeq, tableNews } from "./tableNews.ts";

/** How long a batch of news stays in the region. */
const newsMs = 15_000;

/**
 * Says to a screen reader what a sighted student sees come in: a bot's or a classmate's move,
 * a proposal arriving or expiring, the end. Hidden from sight (What happened shows it); each
 * batch is a new line in the region, so it is read once and the log is never read again whole.
 */
export function TableNews({ view }: { view: TableView }) {
  const seen = useRef<number | undefined>(undefined);
  const [news, setNews] = useState<{ id: number; text: string }>();
  useEffect(() => {
    const lines = tableNews(view.log, seen.current, view.me?.seat, (seat) => partyName(view, seat));
    seen.current = Math.max(seen.current ?? -1, lastSeq(view.log));
    if (lines.length > 0) setNews((n) => ({ id: (n?.id ?? 0) + 1, text: lines.join(" ") }));
  }, [view]);
  // Once read it goes, as a notice does: a screen reader browsing the page later finds the log.
  useEffect(() => {
    if (!news) return;
    const timer = setTimeout(() => setNews(undefined), newsMs);
    return () => clearTimeout(timer);
  }, [news]);
  return (
    <div className="sr-only" aria-live="polite" data-testid="table-news">
      {news && <p key={news.id}>{news.text}</p>}
    </div>
  );
}
