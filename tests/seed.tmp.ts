import { seedsFor } from "./fidelity/experiments.ts";

console.log(seedsFor(2026, "arctic-track-two", 3).join(" "));
