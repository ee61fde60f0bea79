import { launch, serveDist } from "./helpers.mjs";
const out = process.argv[2];
const browser = await launch();
const server = await serveDist();
for (const [w, h, name, scheme] of [[1280, 900, "cmp-desktop", "light"], [360, 780, "cmp-phone", "dark"]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(server.url + "/index.html");
  await page.waitForSelector(".trd--live");
  await page.click(".trd-tab:has-text('Compare')");
  await page.waitForTimeout(300);
  await page.evaluate(() => document.querySelector(".trd-compare, table")?.scrollIntoView());
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
  const info = await page.evaluate(() => { const t = document.querySelector("table"); const p = t?.parentElement; return t ? { table: t.scrollWidth, box: p.clientWidth, cls: p.className } : null; });
  console.log(name, info);
  await context.close();
}
await server.close(); await browser.close();
