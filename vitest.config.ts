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
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
