import type { SessionOverview } from "@parley/shared";
import { useEffect, useRef, useState } from "react";
import { classNews } from "./classNews.ts";

/** How long a batch of news stays in the region. */
const newsMs = 15_000;

/**
 * Says to a screen reader what a sighted instructor sees change on the dashboard (a student
 * joined, asks to switch, a table ended); hidden from sight, where the cards and the list show it.
 */
export function ClassNews({ overview }: { overview: SessionOverview }) {
  const seen = useRef<SessionOverview | undefined>(undefined);
  const [news, setNews] = useState<{ id: number; text: string }>();
  useEffect(() => {
    const lines = classNews(seen.current, overview);
    seen.current = overview;
    if (lines.length > 0) setNews((n) => ({ id: (n?.id ?? 0) + 1, text: lines.join(" ") }));
  }, [overview]);
  useEffect(() => {
    if (!news) return;
    const timer = setTimeout(() => setNews(undefined), newsMs);
    return () => clearTimeout(timer);
  }, [news]);
  return (
    <div className="sr-only" aria-live="polite" data-testid="class-news">
      {news && <p key={news.id}>{news.text}</p>}
    </div>
  );
}
