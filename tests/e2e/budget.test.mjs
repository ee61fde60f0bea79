// Deterministic budgets on the release build: bytes an embed costs a host page, and the
// Lighthouse categories that are stable enough to assert. Timings live in the benchmark.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { DIST, CHROMIUM, CHROMIUM_ARGS, serveDist, assets } from "./helpers.mjs";

const KiB = 1024;
// Ratchet: the current build plus a little headroom, so growth is a decision, not an
// accident. The product target is 120 KiB (see the README's Performance section); Yew
// with hydration plus the content alone take about 97 KiB of it, so it is not met yet.
// Raised from 232 for the corrected content of issue 9 (safety facts, review dates, words
// explained, more crisis lines). Raised to 254 for "What matters to me" (issue 13): its
// data alone (merged before the view was wired) measured 243.8 KiB, and wiring the view,
// its state, URL, questions and event added 9.9 KiB (253.7 KiB).
// Raised again for the Spanish edition (issue 12) while it is compiled into the wasm;
// it drops once each locale's content is a JSON file fetched only by its readers.
const EMBED_GZIP_BUDGET = 300 * KiB;

const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

describe("budgets", () => {
  test(`everything the embed snippet loads stays within ${EMBED_GZIP_BUDGET / KiB} KiB gzip`, () => {
    const asset = assets();
    const parts = {
      loader: gz(asset.loader),
      glue: gz(asset.glue),
      wasm: gz(asset.wasm),
      css: gz(asset.css),
    };
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    console.log(`embed gzip: ${(total / KiB).toFixed(1)} KiB`, Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, `${(v / KiB).toFixed(1)} KiB`])));
    assert.ok(total <= EMBED_GZIP_BUDGET, `${(total / KiB).toFixed(1)} KiB > ${EMBED_GZIP_BUDGET / KiB} KiB`);
  });

  test("Lighthouse on the standalone page: accessibility 100, best practices and SEO at least 95", async () => {
    const server = await serveDist({ compress: true });
    try {
      const { stdout } = await promisify(execFile)(
        new URL("./node_modules/.bin/lighthouse", import.meta.url).pathname,
        [`${server.url}/`, "--output=json", "--quiet", "--form-factor=mobile", "--only-categories=accessibility,best-practices,seo,performance", `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 28 },
      );
      const r = JSON.parse(stdout);
      const score = (k) => Math.round(r.categories[k].score * 100);
      console.log("lighthouse:", Object.fromEntries(Object.keys(r.categories).map((k) => [k, score(k)])));
      assert.equal(score("accessibility"), 100);
      assert.ok(score("best-practices") >= 95, `best practices ${score("best-practices")}`);
      assert.ok(score("seo") >= 95, `SEO ${score("seo")}`);
    } finally {
      await server.close();
    }
  });
});
