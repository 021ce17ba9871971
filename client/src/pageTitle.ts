/**
 * The browser tab's title for a path: a screen reader says it when a page opens, and a
 * student with several tabs open tells them apart by it (every page had read "Parley").
 */
export function pageTitle(path: string): string {
  const [first, second, third] = path.split("/").filter(Boolean);
  const page = ((): string | undefined => {
    switch (first) {
      case undefined:
        return undefined;
      case "join":
        return "Join a class";
      case "solo":
        return "Play solo";
      case "play":
        return second ? "At the table" : undefined;
      case "teach":
        return second ? "Session dashboard" : "Teach a session";
      case "replay":
        return third ? "Table replay" : second ? "Session replay" : "Replays";
      case "debrief":
        return second ? "Your debrief" : "Replays";
      default:
        return "Page not found";
    }
  })();
  return page ? `${page} · Parley` : "Parley: negotiation simulator";
}
