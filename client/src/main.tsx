import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { syncServerClock } from "./net/serverClock.ts";
import { applyStoredDisplayPrefs } from "./ui/displayPrefs.ts";
import "./styles.css";

applyStoredDisplayPrefs();

// Round clocks count down by the server's time: measure the offset now and now and then.
void syncServerClock();
setInterval(() => void syncServerClock(), 10 * 60_000);

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
