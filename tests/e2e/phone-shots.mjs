// Screenshots for the README (issue 16): the first two phone screens (360 × 1560) of the
// embed and of the standalone page, and the first card's offset. Run after
// `trunk build --release`: node phone-shots.mjs <out-prefix>
import { launch, serveDist } from "./helpers.mjs";

const prefix = process.argv[2] ?? "phone";
const browser = await launch();
const server = await serveDist();
const shoot = async (path, { width = 360, height = 780, scheme = "light", embed = true, name }) => {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(server.url + path);
    await page.waitForFunction((embed) => (embed ? document.querySelector("trd-explainer")?.shadowRoot : document)?.querySelector(".trd--live"), embed);
  await page.waitForTimeout(300);
  const m = await page.evaluate((embed) => {
    const root = (embed ? document.querySelector("trd-explainer").shadowRoot : document).querySelector(".trd");
    const card = root.querySelector(".trd-card");
    const top = root.getBoundingClientRect().top + scrollY;
    return { widgetTop: top, card: card.getBoundingClientRect().top + scrollY };
  }, embed);
  const y = embed ? m.widgetTop : 0;
  await page.screenshot({ path: `${name}.png`, fullPage: true, clip: { x: 0, y, width, height: height * 2 } });
  console.log(name, embed ? "offset from widget top" : "offset from page top", Math.round(m.card - y));
  await context.close();
};
await shoot("/demo/article.html", { name: `${prefix}-embed` });
await shoot("/index.html", { embed: false, name: `${prefix}-standalone` });
await shoot("/demo/article.html", { name: `${prefix}-embed-dark`, scheme: "dark" });
await shoot("/index.html", { embed: false, width: 1280, height: 900, name: `${prefix}-desktop` });
await shoot("/demo/article.html", { width: 1280, height: 900, name: `${prefix}-desktop-embed` });
await server.close();
await browser.close();
