#!/usr/bin/env node
// Runs the browser tests in Debian's Chromium. When Chromium is missing it says how to get
// it and, on a Debian machine as root, installs it. It builds the client first.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  console.error(`Chromium is not installed at ${chromium}; the browser tests need it.`);
  if (isRoot && hasApt) {
    console.error("Installing it with: apt-get install -y chromium");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    console.error(
      "Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.",
    );
    process.exit(1);
  }
}

execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
const result = spawnSync(
  process.execPath,
  [
    join(root, "node_modules/@playwright/test/cli.js"),
    "test",
    "--config",
    join(root, "tests/e2e/playwright.config.ts"),
    ...process.argv.slice(2),
  ],
  { cwd: join(root, "tests/e2e"), stdio: "inherit", env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } },
);
process.exit(result.status ?? 1);
