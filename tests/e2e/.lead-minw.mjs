import { launch, serveDist } from "./helpers.mjs";
const browser = await launch();
const server = await serveDist();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url + "/index.html");
await page.waitForSelector(".trd--live");
await page.click(".trd-tab:has-text('Compare')");
await page.waitForTimeout(300);
console.log(await page.evaluate(() => {
  const rows = [...document.querySelectorAll("table tr")];
  const best = [];
  for (const r of rows) [...r.children].forEach((c, i) => {
    const d = document.createElement("div"); d.style.cssText = "position:absolute;width:min-content;visibility:hidden"; 
    d.className = c.className; d.innerHTML = c.innerHTML; c.appendChild(d); const w = d.getBoundingClientRect().width; d.remove();
    if (!best[i] || w > best[i][0]) best[i] = [Math.round(w), c.textContent.trim().slice(0, 60)];
  });
  return best;
}));
await server.close(); await browser.close();
