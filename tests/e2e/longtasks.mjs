// Where loading blocks: records a Chromium trace of each bench page loading at 4× CPU and
// lists every main-thread task over 50 ms with what it contains (the events with the most
// self time: wasm.CompileLazy, Layout, FunctionCall…) and any `trd:*` user-timing marks
// inside it (add `performance.mark` calls while investigating).
//
//   node longtasks.mjs [runs] [standalone,fragment,snippet,floor]
//
// Needs a release build and the floor page (`node bench.mjs` writes it). SAVE=1 keeps each
// trace as trace-<page>-<run>.json (open it in the DevTools Performance panel).
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
const E2E = dirname(fileURLToPath(import.meta.url));
const { serve } = await import(join(E2E, "server.mjs"));
const { CHROMIUM, CHROMIUM_ARGS, DIST } = await import(join(E2E, "helpers.mjs"));
const { benchRoutes, readTrace, withPage } = await import(join(E2E, "measure.mjs"));

const args = process.argv.slice(2);
const runs = Number(args[0] || 1);
const which = (args[1] || "standalone,fragment,snippet").split(",");
const floor = readFileSync(join(E2E, "../../bench-results/pages/floor.html"), "utf8");
const server = await serve({ root: DIST, compress: true, routes: benchRoutes(DIST, floor) });
const urls = { standalone: `${server.url}/`, fragment: `${server.url}/fragment.html`, snippet: `${server.url}/snippet.html`, floor: `${server.url}/floor.html` };
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

function analyse(events) {
  const names = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args.name === "CrRendererMain");
  // main thread with most RunTask
  let best = null, bestN = 0;
  for (const t of names) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === "RunTask").length;
    if (n > bestN) { bestN = n; best = t; }
  }
  const main = events.filter((e) => e.pid === best.pid && e.tid === best.tid && e.ph === "X" && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const nav = events.find((e) => e.name === "navigationStart" && e.pid === best.pid) ?? main[0];
  const t0 = nav.ts;
  const tasks = main.filter((e) => e.name === "RunTask" && e.dur > 50000);
  const out = [];
  for (const task of tasks) {
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    // self time per event
    const self = new Map();
    const stack = [];
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      e._self = e.dur;
      if (parent) parent._self -= e.dur;
      stack.push(e);
    }
    for (const e of inside) {
      let label = e.name;
      const d = e.args?.data ?? {};
      if (e.name === "FunctionCall" || e.name === "EvaluateScript" || e.name === "v8.compile" || e.name === "v8.compileModule") label += ` ${(d.url || "").split("/").pop()}:${d.functionName || ""}`;
      if (e.name === "TimerFire" || e.name === "TimerInstall") label += "";
      self.set(label, (self.get(label) ?? 0) + e._self);
    }
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
    const first = inside[0] ? `${inside[0].name} ${(inside[0].args?.data?.url || inside[0].args?.data?.functionName || inside[0].args?.data?.type || "").toString().split("/").pop()}` : "";
    const marks = events.filter((e) => e.pid === best.pid && (e.cat || "").includes("user_timing") && e.name.startsWith("trd:") && e.ts >= task.ts && e.ts <= task.ts + task.dur).map((e) => `${e.name}+${((e.ts - task.ts) / 1000).toFixed(0)}`);
    top.unshift(`marks: ${[...new Set(marks)].join(" ")}\n     `);
    out.push({ at: ((task.ts - t0) / 1000).toFixed(0), ms: (task.dur / 1000).toFixed(1), first, top });
  }
  const all = events.filter((e) => e.pid === best.pid && (e.cat || "").includes("user_timing") && e.name.startsWith("trd:"));
  const seen = new Set();
  out.push({ at: "marks", ms: "", first: "", top: all.filter((e) => !seen.has(e.name + e.ts) && seen.add(e.name + e.ts)).map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(0)}`) });
  return out;
}

for (const name of which) {
  for (let i = 0; i < runs; i++) {
    const result = await withPage(browser, async (page, cdp) => {
      await cdp.send("Tracing.start", {
        traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "v8", "v8.wasm", "disabled-by-default-v8.compile", "blink.user_timing", "loading", "toplevel"] },
        transferMode: "ReturnAsStream",
      });
      await page.goto(urls[name], { waitUntil: "load" });
      await page.waitForFunction(`(() => { const h = document.querySelector("trd-explainer"); const r = h ? h.shadowRoot : document;
          return !r || !!r.querySelector(".trd--live") || !r.querySelector(".trd"); })()`, null, { timeout: 30000 }).catch(() => {});
      await page.waitForTimeout(3000);
      const ev = await readTrace(cdp);
      if (process.env.SAVE) writeFileSync(`trace-${name}-${i}.json`, JSON.stringify(ev));
      return analyse(ev);
    });
    console.log(`== ${name} run ${i}`);
    for (const t of result) console.log(`  @${t.at}ms ${t.ms}ms [${t.first}]\n      ${t.top.join(" | ")}`);
  }
}
await browser.close();
await server.close();
