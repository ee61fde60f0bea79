// The README's fact-box screenshot (issue 22): a card's "In numbers" at 360 px on the
// standalone page. Run after `trunk build --release`:
//   node facts-shot.mjs <out.png> [card] [light|dark]
import { launch, serveDist } from "./helpers.mjs";

const [out = "facts.png", card = "ketamine", scheme = "light"] = process.argv.slice(2);
const browser = await launch();
const server = await serveDist();
const context = await browser.newContext({ viewport: { width: 360, height: 1600 }, colorScheme: scheme, reducedMotion: "reduce" });
const page = await context.newPage();
await page.goto(`${server.url}/index.html#${card}-facts`);
await page.waitForFunction(() => document.querySelector(".trd--live"));
await page.waitForTimeout(500);
const box = await page.locator(`[id="${card}-facts"] .trd-fact-box`).first();
await box.screenshot({ path: out });
console.log(out);
await server.close();
await browser.close();
