import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: [
      "shared/src/**/*.test.ts",
      "server/src/**/*.test.ts",
      "tests/{unit,property,integration,scenarios,fidelity}/**/*.test.ts",
    ],
    pool: "forks",
    // One test file per core (Vitest keeps one core for itself, which left one of two here
    // idle): most files wait on servers, sockets and timers more than they compute, so two
    // at a time on two cores take the run from about 610 s to about 400 s.
    maxWorkers: Math.max(1, Math.min(4, availableParallelism())),
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
