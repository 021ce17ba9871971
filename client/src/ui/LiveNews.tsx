import { useCallback, useEffect, useState } from "react";

/** How long a batch of news stays in its region. */
const newsMs = 15_000;

type Batch = { id: number; text: string };

/**
 * News for a screen reader, said once: `say` puts a batch of lines in the region as a new
 * line (read once, not the region again whole), and it goes after a while, as a notice does,
 * so that a screen reader browsing the page later finds the page's own text instead.
 */
export function useLiveNews(): { news: Batch | undefined; say: (lines: string[]) => void } {
  const [news, setNews] = useState<Batch>();
  useEffect(() => {
    if (!news) return;
    const timer = setTimeout(() => setNews(undefined), newsMs);
    return () => clearTimeout(timer);
  }, [news]);
  const say = useCallback((lines: string[]) => {
    if (lines.length > 0) setNews((n) => ({ id: (n?.id ?? 0) + 1, text: lines.join(" ") }));
  }, []);
  return { news, say };
}

/** The hidden polite region `useLiveNews`'s batches are said from. */
export function LiveNewsRegion({ news, testId }: { news: Batch | undefined; testId: string }) {
  return (
    <div className="sr-only" aria-live="polite" data-testid={testId}>
      {news && <p key={news.id}>{news.text}</p>}
    </div>
  );
}
