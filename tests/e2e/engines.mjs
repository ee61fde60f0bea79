// The three browser engines the cross-engine suite drives, behind one small interface:
// Chromium (Debian's `chromium`) and Firefox ESR (Debian's `firefox-esr`, over WebDriver
// BiDi) through puppeteer-core; WebKit (Debian's `webkit2gtk-driver`: WebKitWebDriver
// with its MiniBrowser) over classic WebDriver HTTP, under a virtual display (Xvfb).
// Nothing is downloaded: every engine is a system package that scripts/setup.sh installs.
//
//   const engine = await startEngine("webkit");
//   const page = await engine.open(url);
//   await page.click(["trd-explainer#guide", ".trd-card__button"]);
//   await page.waitFor((path) => …, path);
//   await engine.close();
//
// Elements are named by a path of selectors, one per shadow root crossed
// (`["trd-explainer", "#trd-search-input"]`), resolved inside the page.
import puppeteer from "puppeteer-core";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { CHROMIUM, CHROMIUM_ARGS } from "./helpers.mjs";

export const ENGINES = ["chromium", "firefox", "webkit"];

export const FIREFOX = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver";
// Where Debian's libwebkit2gtk-4.1-0 puts the MiniBrowser that WebKitWebDriver drives.
export const MINIBROWSER =
  process.env.WEBKIT_MINIBROWSER ||
  ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"]
    .map((dir) => `${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path)) ||
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

const WIDTH = 1280;
const HEIGHT = 900;

// Resolves a selector path inside the page: each step but the last is a shadow host.
const RESOLVE = `(path) => {
  let root = document;
  for (let i = 0; i < path.length; i++) {
    const el = root.querySelector(path[i]);
    if (!el) return null;
    if (i === path.length - 1) return el;
    root = el.shadowRoot;
    if (!root) return null;
  }
  return null;
}`;

// Scrolls the element to the middle of the viewport and waits until it stops moving (cards
// away from the viewport are laid out only once near it, `content-visibility: auto`, so
// what is above may change height after a scroll), then gives its centre.
const CENTRE = `async (path) => {
  const el = (${RESOLVE})(path);
  if (!el) return null;
  el.scrollIntoView({ block: "center" });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  let last = "";
  for (let i = 0; i < 60; i++) {
    await frame();
    const r = el.getBoundingClientRect();
    const now = [r.left, r.top, r.width, r.height].join();
    if (now === last) return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
    last = now;
  }
  return null;
}`;

/** Starts one engine: `{ name, open(url) → page, close() }`. */
export async function startEngine(name) {
  if (name === "chromium") return puppeteerEngine(name, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  if (name === "firefox") {
    return puppeteerEngine(name, {
      browser: "firefox",
      executablePath: FIREFOX,
      protocol: "webDriverBiDi",
      // A closed network: no updates, telemetry or remote settings.
      extraPrefsFirefox: {
        "app.update.enabled": false,
        "browser.shell.checkDefaultBrowser": false,
        "datareporting.policy.dataSubmissionEnabled": false,
        "network.captive-portal-service.enabled": false,
        "network.connectivity-service.enabled": false,
      },
    });
  }
  if (name === "webkit") return webkitEngine();
  throw new Error(`unknown engine ${name}`);
}

// ---------------------------------------------------------------------------------------
// Chromium and Firefox: puppeteer-core.

async function puppeteerEngine(name, options) {
  const browser = await puppeteer.launch({ headless: true, defaultViewport: { width: WIDTH, height: HEIGHT }, ...options });
  const version = await browser.version();
  return {
    name,
    version,
    async open(url) {
      const page = await browser.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(`uncaught: ${e?.message ?? e}`));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
      });
      await page.goto(url, { waitUntil: "load" });
      const handle = async (path) => {
        const h = await page.evaluateHandle(`(${RESOLVE})(${JSON.stringify(path)})`);
        const el = h.asElement();
        if (!el) throw new Error(`${name}: no element at ${path.join(" ⟶ ")}`);
        return el;
      };
      const centre = async (path) => {
        const point = await page.evaluate(`(${CENTRE})(${JSON.stringify(path)})`);
        if (!point) throw new Error(`${name}: no steady element at ${path.join(" ⟶ ")}`);
        return point;
      };
      return {
        errors: () => errors,
        eval: (fn, arg) => page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`),
        async click(path) {
          const { x, y } = await centre(path);
          await page.mouse.click(x, y);
        },
        async type(path, text) {
          const el = await handle(path);
          await el.type(text);
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------------------
// WebKit: WebKitWebDriver over classic WebDriver HTTP, a virtual display when none is set.

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function webkitEngine() {
  const port = await freePort();
  // `xvfb-run -a` finds a free display number and stops Xvfb when the driver exits; the
  // driver runs in its own process group so closing ends the whole tree.
  const command = process.env.DISPLAY
    ? [WEBKIT_DRIVER, [`--port=${port}`]]
    : ["xvfb-run", ["-a", "-s", `-screen 0 ${WIDTH}x${HEIGHT + 200}x24`, WEBKIT_DRIVER, `--port=${port}`]];
  const driver = spawn(command[0], command[1], { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  driver.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => driver.on("exit", resolve));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`webkit: ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  // The driver listens once it has started (under a fresh X server: up to a few seconds).
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      await call("GET", "/status");
      break;
    } catch (e) {
      if (driver.exitCode !== null || Date.now() > deadline) {
        throw new Error(`webkit: WebKitWebDriver did not start (${e.message}). ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  let session;
  try {
    session = await call("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        },
      },
    });
  } catch (e) {
    process.kill(-driver.pid, "SIGTERM");
    throw e;
  }
  const id = session.sessionId;
  const version = `${session.capabilities.browserName} ${session.capabilities.browserVersion}`;
  await call("POST", `/session/${id}/window/rect`, { width: WIDTH, height: HEIGHT }).catch(() => {});
  const run = async (script, args = []) => {
    const value = await call("POST", `/session/${id}/execute/sync`, {
      script: `try { return (function () { ${script} }).apply(null, arguments); } catch (e) { return { __error: String(e) }; }`,
      args,
    });
    if (value?.__error) throw new Error(`webkit: ${value.__error}`);
    return value;
  };
  return {
    name: "webkit",
    version,
    async open(url) {
      await call("POST", `/session/${id}/url`, { url });
      const page = {
        // WebDriver classic has no event stream: the suite's probe script records uncaught
        // errors in the page, read with eval.
        errors: () => [],
        eval: (fn, arg) =>
          call("POST", `/session/${id}/execute/async`, {
            script: `const done = arguments[arguments.length - 1];
              Promise.resolve().then(() => (${fn})(arguments[0])).then(done, (e) => done({ __error: String(e) }));`,
            args: [arg ?? null],
          }).then((value) => {
            if (value?.__error) throw new Error(`webkit: ${value.__error}`);
            return value;
          }),
        // WebKitWebDriver's Element Click and Element Send Keys refuse elements inside a
        // shadow root ("element not interactable"), so the suite sends real input instead:
        // a mouse click at the element's centre and key presses to the focused element.
        async click(path) {
          const point = await page.eval(CENTRE, path);
          if (!point) throw new Error(`webkit: no steady element at ${path.join(" ⟶ ")}`);
          const { x, y } = point;
          await call("POST", `/session/${id}/actions`, {
            actions: [
              {
                type: "pointer",
                id: "mouse",
                parameters: { pointerType: "mouse" },
                actions: [
                  { type: "pointerMove", duration: 0, origin: "viewport", x, y },
                  { type: "pointerDown", button: 0 },
                  { type: "pointerUp", button: 0 },
                ],
              },
            ],
          });
          await call("DELETE", `/session/${id}/actions`);
        },
        async type(path, text) {
          await run(`(${RESOLVE})(arguments[0]).focus();`, [path]);
          const keys = [...text].flatMap((value) => [
            { type: "keyDown", value },
            { type: "keyUp", value },
          ]);
          await call("POST", `/session/${id}/actions`, { actions: [{ type: "key", id: "keyboard", actions: keys }] });
          await call("DELETE", `/session/${id}/actions`);
        },
        close: async () => {},
      };
      return page;
    },
    async close() {
      await call("DELETE", `/session/${id}`).catch(() => {});
      try {
        process.kill(-driver.pid, "SIGTERM");
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    },
  };
}

/** Polls `fn(arg)` in the page until it returns a truthy value; returns it. */
export async function waitFor(page, fn, arg, { timeout = 20000, what = String(fn) } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await page.eval(fn, arg);
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
