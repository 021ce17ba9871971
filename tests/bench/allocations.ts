/**
 * `npm run bench:alloc`: the memory a table allocates per event, by step, as TableRoom
 * sends its views: the rules' new state (`apply`), the views (`viewsFor` with the table's
 * cache) and their frames (`sendableViews`), for chat lines at the four-seat Russia–Ukraine
 * table (what the load bench plays), at several lengths of the log. Runs with a young
 * generation large enough that no collection happens while it measures (see package.json),
 * so the heap's growth over a step is what the step allocated. Prints Markdown.
 */
import { cpus } from "node:os";
import { apply, newViewCache, type Scenario, type Viewer, viewsFor } from "@parley/shared";
import { type SentView, sendableViews, sentView } from "../../server/src/rooms/viewFrames.ts";
import { shippedScenarios } from "../property/fixtures.ts";
import { chatGame } from "./chatGame.ts";

const scenario = shippedScenarios().find((s) => s.id === "russia-ukraine-mediation") as Scenario;
const used = () => process.memoryUsage().heapUsed;

/** Bytes per event of each step over chat lines `from` to `lines` (the earlier ones build the log). */
function measure(lines: number, from: number, instructor: boolean) {
  const { initial, events } = chatGame(scenario, lines);
  let state = initial;
  const viewers: Viewer[] = instructor ? [...state.seats, "instructor"] : [...state.seats];
  const cache = newViewCache();
  const sent: SentView[] = [];
  const total = { apply: 0, views: 0, frames: 0, events: 0 };
  for (const [i, event] of events.entries()) {
    const a = used();
    state = apply(state, event);
    const b = used();
    const views = viewsFor(state, viewers, {}, cache);
    const c = used();
    sendableViews(views, sent);
    views.forEach((view, i) => {
      sent[i] = sentView(view, sent[i]);
    });
    const d = used();
    if (i < from) continue;
    total.apply += b - a;
    total.views += c - b;
    total.frames += d - c;
    total.events++;
  }
  if (Math.min(total.apply, total.views, total.frames) < 0) throw new Error("A collection ran while measuring");
  const kb = (bytes: number) => (bytes / total.events / 1024).toFixed(1);
  return [kb(total.apply), kb(total.views), kb(total.frames), kb(total.apply + total.views + total.frames)];
}

measure(300, 0, true); // warm-up
const rows = [
  "| viewers | log lines | rules (kB / event) | views (kB / event) | frames (kB / event) | total (kB / event) |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
];
for (const instructor of [false, true]) {
  for (const [lines, from] of [
    [20, 0],
    [120, 100],
    [320, 300],
  ] as const) {
    rows.push(
      `| ${instructor ? "4 seats + instructor" : "4 seats"} | ${from}–${lines} | ${measure(lines, from, instructor).join(" | ")} |`,
    );
  }
}
console.log(
  [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, ${process.platform}; measured ${new Date().toISOString().slice(0, 10)}.`,
    "",
    ...rows,
  ].join("\n"),
);
