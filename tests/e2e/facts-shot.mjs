// The README's fact-box screenshot (issue 22): a card's "In numbers" at 360 px on the
// standalone page. Run after `trunk build --release`:
//   node facts-shot.mjs <out.png> [card] [light|dark] [width]
import { launch, serveDist } from "./helpers.mjs";

const [out = "facts.png", card = "ketamine", scheme = "light", width = "360"] = process.argv.slice(2);
const browser = await launch();
const server = await serveDist();
const context = await browser.newContext({ viewport: { width: Number(width), height: 1600 }, colorScheme: scheme, reducedMotion: "reduce" });
const page = await context.newPage();
await page.goto(`${server.url}/index.html#${card}-facts`);
await page.waitForFunction(() => document.querySelector(".trd--live"));
await page.waitForTimeout(500);
// The whole "In numbers" block down to its first box. The pinned crisis strip would sit
// over its top: this picture is of the box alone.
await page.addStyleTag({ content: ".trd-strip { display: none !important }" });
await page.evaluate(() => document.activeElement?.blur());
await page.evaluate((card) => {
  const facts = document.getElementById(`${card}-facts`);
  window.scrollTo(0, facts.getBoundingClientRect().top + scrollY - 16);
}, card);
await page.waitForTimeout(300);
const clip = await page.evaluate((card) => {
  const facts = document.getElementById(`${card}-facts`);
  const a = facts.getBoundingClientRect();
  const b = facts.querySelector(".trd-fact-box").getBoundingClientRect();
  return { x: 0, y: Math.max(0, a.top - 8), width: innerWidth, height: b.bottom - a.top + 16 };
}, card);
await page.screenshot({ path: out, clip });
console.log(out);
await server.close();
await browser.close();
