import { lazy, Suspense, useEffect, useRef } from "react";
import { pageTitle } from "./pageTitle.ts";
import { usePath } from "./router.ts";
import { Home } from "./screens/Home.tsx";
import { JoinScreen } from "./screens/JoinScreen.tsx";
import { PlayScreen } from "./screens/PlayScreen.tsx";
import { SoloSetup } from "./screens/SoloSetup.tsx";
import { Link } from "./ui/Link.tsx";

// The instructor's screens and the debrief carry the charts: loaded only when opened.
const TeachScreen = lazy(() => import("./teach/TeachScreen.tsx"));
const Dashboard = lazy(() => import("./teach/Dashboard.tsx"));
const ReplayPicker = lazy(() => import("./debrief/ReplayPicker.tsx"));
const SessionDebrief = lazy(() => import("./debrief/SessionDebrief.tsx"));
const TableDebrief = lazy(() => import("./debrief/TableDebrief.tsx"));
const MyDebrief = lazy(() => import("./debrief/MyDebrief.tsx"));

function route(path: string) {
  const parts = path.split("/").filter(Boolean);
  const [first, second, third] = parts;
  switch (first) {
    case undefined:
      return <Home />;
    case "join":
      return <JoinScreen />;
    case "solo":
      return <SoloSetup />;
    case "play":
      return second ? <PlayScreen participantId={second} /> : <Home />;
    case "teach":
      return second ? <Dashboard sessionId={second} /> : <TeachScreen />;
    case "replay":
      if (second && third) return <TableDebrief sessionId={second} tableId={third} />;
      if (second) return <SessionDebrief sessionId={second} />;
      return <ReplayPicker />;
    case "debrief":
      return second ? <MyDebrief participantId={second} /> : <ReplayPicker />;
    default:
      return (
        <div className="page narrow">
          <h1>Page not found</h1>
          <p>
            <Link href="/">Back to the start</Link>
          </p>
        </div>
      );
  }
}

export function App() {
  const path = usePath();
  const opened = useRef(path);
  useEffect(() => {
    document.title = pageTitle(path);
    // A link followed in the app leaves the focus nowhere (the link has gone): start the new
    // page at its top, as a page load does, so a screen reader reads it from there.
    if (path !== opened.current && (!document.activeElement || document.activeElement === document.body))
      document.getElementById("main")?.focus({ preventScroll: true });
    opened.current = path;
  }, [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand" aria-label="Parley home">
          Parley
        </Link>
        <span className="tagline">negotiation simulator for international relations</span>
        <nav aria-label="Main" className="app-nav">
          <Link href="/join">Join a class</Link>
          <Link href="/solo">Play solo</Link>
          <Link href="/teach">Teach</Link>
          <Link href="/replay">Replays</Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="page">Loading…</p>}>{route(path)}</Suspense>
      </main>
    </>
  );
}
