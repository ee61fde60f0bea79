// The README's screenshot of the publish page (issue 24): a desktop with options picked
// (Spanish, Mexico's line first, two groups of cards, one card open, dark, a dark accent)
// and the preview at the column width. Run after `trunk build --release`:
// node publish-shot.mjs ../../static/readme/publish.png
import { launch, serveDist } from "./helpers.mjs";

const out = process.argv[2] ?? "publish.png";
const browser = await launch();
const server = await serveDist();
const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, colorScheme: "light", reducedMotion: "reduce" });
const page = await context.newPage();
await page.goto(server.url + "/publish.html");
await page.waitForSelector('[data-attribute="open"] input[type="checkbox"]');
await page.fill("#publish-lang", "es");
await page.selectOption("#publish-crisis-region", "mx");
await page.check("#publish-categories-medication");
await page.check("#publish-categories-stimulation");
// The card list is in Spanish once the Spanish content is in.
await page.waitForFunction(() => document.querySelector('label[for="publish-open-ketamine"]')?.textContent.startsWith("Ketamina"));
await page.check("#publish-open-ketamine");
await page.check("#publish-theme-dark");
await page.check("#publish-width-column");
await page.fill("#publish-color-accent-dark", "#f2a7bd");
await page.waitForFunction(() => document.querySelector(".publish-preview trd-explainer")?.shadowRoot?.querySelector(".trd--live.trd--dark"));
await page.evaluate(() => window.scrollTo(0, 0));
// The preview's pinned crisis strip hides again once its banner is back in view.
await page.waitForTimeout(1000);
await page.screenshot({ path: out });
await browser.close();
await server.close();
