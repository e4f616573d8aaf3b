// What the browser-test scripts share: the environment they run in, a check that stops at the
// first failure, and Debian's Chromium launched for playwright-core.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

export const BASE = process.env.BASE || "http://127.0.0.1:8080";
export const SHOTS = process.env.SHOTS || "screenshots";
export const BIN = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(SHOTS, { recursive: true });

/** Throw "FAILED: what" unless `cond`; print "ok what". */
export function check(cond, what) {
  if (!cond) throw new Error("FAILED: " + what);
  console.log("ok " + what);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Headless Chromium, without the network chatter of a first run. */
export function launch() {
  return chromium.launch({
    executablePath: BIN,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
