import type { SessionOverview } from "@parley/shared";
import { useEffect, useRef } from "react";
import { LiveNewsRegion, useLiveNews } from "../ui/LiveNews.tsx";
import { classNews } from "./classNews.ts";

/**
 * Says to a screen reader what a sighted instructor sees change on the dashboard (a student
 * joined, asks to switch, a table ended); hidden from sight, where the cards and the list show it.
 */
export function ClassNews({ overview }: { overview: SessionOverview }) {
  const seen = useRef<SessionOverview | undefined>(undefined);
  const { news, say } = useLiveNews();
  useEffect(() => {
    say(classNews(seen.current, overview));
    seen.current = overview;
  }, [overview, say]);
  return <LiveNewsRegion news={news} testId="class-news" />;
}
