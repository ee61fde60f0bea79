// Deterministic budgets on the release build: bytes an embed costs a host page, and the
// Lighthouse categories that are stable enough to assert. Timings live in the benchmark.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { DIST, CHROMIUM, CHROMIUM_ARGS, serveDist, assets, launch } from "./helpers.mjs";
import { serve } from "./server.mjs";
import { benchRoutes, blockingTime, clickToFrame, median } from "./measure.mjs";

const KiB = 1024;
// Ratchet: the current build plus a little headroom, so growth is a decision, not an
// accident. The target is 170 KiB. Raised from 236 when the "What matters" data
// (about 8.7 KiB gzip) landed in the wasm; minifying the glue and loader took 4.3 KiB back.
// Content moving out of the wasm (the Spanish edition) is the next big step down.
// Then raised for "What matters to me" wired (+9.9 KiB) and the Spanish edition, which
// is compiled into the wasm until its content moves out.
const EMBED_GZIP_BUDGET = 300 * KiB;

// The goals are a click at 1.0× the floor and no blocking over 50 ms. These are
// ratchets above what the build reaches (clicks 1.6–1.8× alone and 0.7–1.1× with 20
// instances; 160–380 ms blocked, depending on what else the machine runs), with room for
// a loaded 2-core CI machine: repeated runs of one build spread by ±30 % and more.
const CLICK_RATIO = 2.5;
const BLOCKING_MS = 450;

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

  // Timings against the floor (the same content as plain `<details>`), measured in the
  // same run so the machine's load cancels out. Medians of 3 loads at 4× CPU; the slack
  // over the goals (1.0× and 50 ms) is what a shared 2-core CI machine needs to pass
  // reliably: runs of the same build spread by about ±30 %.
  describe("timings against the floor at 4× CPU", () => {
    let browser;
    let server;
    let dir;
    test("set-up: the floor page and a server", async () => {
      dir = mkdtempSync(join(tmpdir(), "trd-floor-"));
      await promisify(execFile)("cargo", ["run", "--quiet", "--offline", "--example", "comparison_pages", "--", dir], {
        cwd: new URL("../..", import.meta.url).pathname,
      });
      server = await serve({ root: DIST, compress: true, routes: benchRoutes(DIST, readFileSync(join(dir, "floor.html"), "utf8")) });
      browser = await launch();
    });

    test(`a click on a card paints within ${CLICK_RATIO}× the floor's time, with 1 and with 20 on a page`, async () => {
      for (const [ours, floor] of [["/", "/floor.html"], ["/many.html", "/floor-many.html"]]) {
        const o = [];
        const f = [];
        for (let i = 0; i < 3; i++) {
          o.push((await clickToFrame(browser, server.url + ours, { trace: false })).ms);
          f.push((await clickToFrame(browser, server.url + floor, { trace: false })).ms);
        }
        const ratio = median(o) / median(f);
        console.log(`click → next frame ${ours}: ours ${median(o).toFixed(1)} ms, floor ${median(f).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
        assert.ok(ratio <= CLICK_RATIO, `${ours}: ${ratio.toFixed(2)}× the floor`);
      }
    });

    test(`loading blocks the main thread at most ${BLOCKING_MS} ms (time over 50 ms per task) on the standalone, fragment and snippet pages`, async () => {
      for (const page of ["/", "/fragment.html", "/snippet.html"]) {
        const runs = [];
        for (let i = 0; i < 3; i++) runs.push(await blockingTime(browser, server.url + page));
        const tbt = median(runs.map((r) => r.tbt));
        console.log(`blocking ${page}: ${tbt.toFixed(0)} ms (longest task ${median(runs.map((r) => r.longest)).toFixed(0)} ms)`);
        assert.ok(tbt <= BLOCKING_MS, `${page}: ${tbt.toFixed(0)} ms blocked`);
      }
    });

    test("tear-down", async () => {
      await browser?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
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
