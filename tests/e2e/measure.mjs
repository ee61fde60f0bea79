// Timing probes shared by the benchmark (bench.mjs) and the budget test (budget.test.mjs):
// pages to compare, click → next frame, where a click's time goes, blocking time while
// loading, and the dead-click window. All run in Chromium at a given CPU slowdown.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** The pages under test, as server routes (path → body), built from dist/ and the floor page. */
export function benchRoutes(dist, floorHtml, count = 20) {
  const fragment = readFileSync(join(dist, "trd-explainer.fragment.html"), "utf8");
  const page = (title, body, head = "") =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  const floorMain = floorHtml.match(/<body[^>]*>([\s\S]*)<\/body>/)?.[1] ?? floorHtml;
  const floorHead = floorHtml.match(/<head[^>]*>([\s\S]*)<\/head>/)?.[1] ?? "";
  const categories = ["medication", "stimulation", "psychotherapy", "research"];
  return {
    "/snippet.html": { body: page("Snippet", `<script type="module" src="/trd-explainer.js"></script><trd-explainer></trd-explainer>`) },
    "/fragment.html": { body: page("Fragment", fragment) },
    "/many.html": {
      body: page(
        `${count} instances`,
        Array.from({ length: count }, (_, i) => `<h2>Section ${i + 1}</h2><trd-explainer id="w${i}" categories="${categories[i % 4]}" storage-key="w${i}"></trd-explainer>`).join("\n"),
        `<link rel="stylesheet" href="/bench-many.css"><script type="module" src="/trd-explainer.js"></script>`,
      ),
    },
    // Start every instance at once: no space held, so all are near the viewport.
    "/bench-many.css": { body: "trd-explainer { --trd-reserve-height: 0px; }", type: "text/css" },
    "/floor.html": { body: floorHtml },
    // The floor with the same number of sections as the many-instance page.
    "/floor-many.html": {
      body: `<!DOCTYPE html><html lang="en"><head>${floorHead}</head><body>${Array.from({ length: count }, (_, i) => `<section><h2>Section ${i + 1}</h2>${floorMain}</section>`).join("\n")}</body></html>`,
    },
  };
}

/** A page in its own context at `cpu`× slowdown; `fn(page, cdp)`. */
export async function withPage(browser, fn, { cpu = 4, width = 412, height = 900, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  if (init) await page.addInitScript(init);
  try {
    return await fn(page, cdp);
  } finally {
    await context.close();
  }
}

// Where a button is: ours (in the document or the first instance's shadow root) or the floor.
const FIND = `(() => {
  const host = document.querySelector("trd-explainer");
  const root = host ? host.shadowRoot : document;
  if (!root) return null;
  const ours = [...root.querySelectorAll(".trd-card__button")];
  return ours.length ? ours : [...root.querySelectorAll("summary")];
})()`;

/**
 * Click → next frame: for `clicks` toggles of cards near the top, the time from the input
 * event's timestamp to the end of the next animation frame's rendering (the rAF after the
 * frame that shows the change), plus a trace of where that time went.
 */
export async function clickToFrame(browser, url, { cpu = 4, clicks = 12, trace = true, css = "", strip = "" } = {}) {
  return withPage(
    browser,
    async (page, cdp) => {
      await page.goto(url, { waitUntil: "load" });
      // Ready when the app is live (ours) or at once (the floor).
      await page.waitForFunction(`(() => { const b = ${FIND}; if (!b || !b.length) return false;
        if (b[0].tagName === "SUMMARY") return true;
        const r = b[0].closest(".trd"); return !!r && r.classList.contains("trd--live"); })()`);
      await page.waitForTimeout(500);
      await page.evaluate(`window.__frames = []; (${FIND}).length`);
      if (trace) {
        await cdp.send("Tracing.start", {
          traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"] },
          transferMode: "ReturnAsStream",
        });
      }
      const times = [];
      for (let k = 0; k < clicks; k++) {
        const i = k % 4;
        const box = await page.evaluate(`(() => { const b = (${FIND})[${i}]; b.scrollIntoView({ block: "center" });
          const r = b.getBoundingClientRect(); return { x: r.x + 8, y: r.y + r.height / 2 }; })()`);
        await page.waitForTimeout(100);
        // The listener stamps the event and asks for the frame after the one that paints it.
        await page.evaluate(`(() => { window.__done = null; addEventListener("click", (e) => {
          const t0 = e.timeStamp; requestAnimationFrame(() => requestAnimationFrame(() => { window.__done = performance.now() - t0; }));
          }, { capture: true, once: true }); })()`);
        await page.mouse.click(box.x, box.y);
        await page.waitForFunction("window.__done !== null");
        times.push(await page.evaluate("window.__done"));
      }
      let breakdown = null;
      if (trace) breakdown = await traceBreakdown(cdp);
      return { ms: median(times), times, breakdown };
    },
    {
      cpu,
      // Extra CSS, or removing the rules whose text contains `strip`, to measure what a
      // rule costs.
      init: css || strip ? ruleProbe(css, strip) : undefined,
    },
  );
}

function ruleProbe(css, strip) {
  return `addEventListener("DOMContentLoaded", () => {
    const extra = ${JSON.stringify(css)};
    if (extra) { const s = document.createElement("style"); s.textContent = extra; document.head.append(s); }
    const strip = ${JSON.stringify(strip)};
    const prune = (list) => { for (let i = list.cssRules.length - 1; i >= 0; i--) { const r = list.cssRules[i];
      if (r.cssRules && !r.selectorText) prune(r); else if (r.cssText.includes(strip)) list.deleteRule(i); } };
    if (strip) for (const sheet of document.styleSheets) { try { prune(sheet); } catch {} }
  });`;
}

/** Ends the trace `cdp` is recording and returns its events. */
export async function readTrace(cdp) {
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.end");
  const { stream } = await done;
  let text = "";
  for (;;) {
    const chunk = await cdp.send("IO.read", { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send("IO.close", { handle: stream });
  const trace = JSON.parse(text);
  return trace.traceEvents ?? trace;
}

async function traceBreakdown(cdp) {
  const events = await readTrace(cdp);
  // The renderer's main thread is the one running the click's EventDispatch.
  const dispatch = events.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "click");
  if (!dispatch) return null;
  const onMain = events.filter((e) => e.pid === dispatch.pid && e.tid === dispatch.tid && e.ph === "X" && e.dur);
  // Only the work between each click and the commit of the frame that shows it: the
  // scrolling between clicks and the deferred URL write are not the click's cost.
  const clicksAt = onMain.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "click").map((e) => e.ts);
  const commits = onMain.filter((e) => e.name === "Commit").map((e) => e.ts + e.dur);
  const windows = clicksAt.map((t) => [t, commits.find((c) => c > t) ?? t]);
  const clip = ([s, e]) => {
    let kept = 0;
    for (const [ws, we] of windows) kept += Math.max(0, Math.min(e, we) - Math.max(s, ws));
    return kept;
  };
  const kinds = {
    script: ["EventDispatch", "FunctionCall", "RunMicrotasks", "v8.callFunction", "TimerFire", "FireAnimationFrame"],
    style: ["UpdateLayoutTree", "RecalculateStyles"],
    layout: ["Layout"],
    "pre-paint": ["PrePaint"],
    paint: ["Paint", "Layerize", "PaintImage", "Commit"],
  };
  const out = {};
  for (const [kind, names] of Object.entries(kinds)) {
    // Union of intervals, so nested events count once.
    const spans = onMain.filter((e) => names.includes(e.name)).map((e) => [e.ts, e.ts + e.dur]).sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [s, e] of spans) {
      if (e <= end) continue;
      total += clip([Math.max(s, end), e]);
      end = e;
    }
    out[kind] = total / 1000 / clicksAt.length;
  }
  return out;
}

/**
 * Blocking time while loading: the sum over main-thread tasks of their time beyond 50 ms,
 * from navigation until `settle` ms after the app is live, at `cpu`× slowdown (what
 * Lighthouse's TBT counts, measured in the page). Also the longest task.
 */
export async function blockingTime(browser, url, { cpu = 4, settle = 3000 } = {}) {
  return withPage(
    browser,
    async (page) => {
      await page.goto(url, { waitUntil: "load" });
      await page
        .waitForFunction(`(() => { const h = document.querySelector("trd-explainer"); const r = h ? h.shadowRoot : document;
          return !r || !!r.querySelector(".trd--live") || !r.querySelector(".trd"); })()`, null, { timeout: 30000 })
        .catch(() => {});
      await page.waitForTimeout(settle);
      return page.evaluate("({ tbt: window.__long.reduce((t, d) => t + Math.max(0, d - 50), 0), longest: Math.max(0, ...window.__long) })");
    },
    {
      cpu,
      init: () => {
        window.__long = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) window.__long.push(e.duration);
        }).observe({ type: "longtask", buffered: true });
      },
    },
  );
}

/**
 * The dead-click window: from first contentful paint until a click on the first card
 * header opens it. Every frame from the start, the probe clicks that header until it
 * reports open; 0 means the first click after first paint already worked.
 */
export async function deadClickWindow(browser, url, { cpu = 4 } = {}) {
  return withPage(
    browser,
    async (page) => {
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction("window.__answered !== undefined", null, { timeout: 30000 });
      // Also: how many clicks it took (1: the first click after first paint answered) and
      // whether the app was live yet (the pre-wasm accordion answered, or the app did).
      return page.evaluate(`(() => { const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { ms: Math.max(0, window.__answered - (fcp ? fcp.startTime : 0)), clicks: window.__clicks, byApp: window.__byApp }; })()`);
    },
    {
      cpu,
      init: () => {
        const tick = () => {
          const host = document.querySelector("trd-explainer");
          const root = host ? host.shadowRoot : document;
          const b = root && root.querySelector(".trd-card__button, details > summary");
          const painted = performance.getEntriesByName("first-contentful-paint").length > 0;
          if (b && painted) {
            if (b.getAttribute("aria-expanded") === "true" || b.parentElement.open) {
              window.__answered = performance.now();
              window.__byApp = !!b.closest(".trd--live");
              return;
            }
            window.__clicks = (window.__clicks ?? 0) + 1;
            b.click();
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      },
    },
  );
}

/**
 * The app's own work for one card toggle at `cpu`× (1 by default): from the click until
 * it and every microtask it queued have run, without style or layout. Median of `clicks`.
 */
export async function appWork(browser, url, { cpu = 1, clicks = 20, css = "" } = {}) {
  return withPage(
    browser,
    async (page) => {
      await page.goto(url, { waitUntil: "load" });
      await page.waitForFunction(`(() => { const b = ${FIND}; const r = b && b[0] && b[0].closest(".trd"); return !!r && r.classList.contains("trd--live"); })()`);
      if (css) await page.addStyleTag({ content: css });
      await page.waitForTimeout(300);
      return page.evaluate(`(async () => {
        const buttons = ${FIND};
        const times = [];
        for (let k = 0; k < ${clicks}; k++) {
          const b = buttons[k % 4];
          // A message task runs after the click and every microtask it queued (Yew's
          // render, effects and events), before the next frame's style and layout.
          const next = new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
          const t0 = performance.now();
          b.click();
          await next;
          times.push(performance.now() - t0);
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
        }
        times.sort((a, b) => a - b);
        return times[times.length >> 1];
      })()`);
    },
    { cpu },
  );
}
