// Drives Debian's Chromium (through playwright-core) over exported HTML maps.
// usage: node map.test.mjs MAP.html BIG.html SCREENSHOT.png EXPECT_JSON
// EXPECT_JSON: {"actors": n, "contents": n, "edges": n, "xss": "...", "big_nodes": n}
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [mapPath, bigPath, shotPath, expectJson] = process.argv.slice(2);
const expect = JSON.parse(expectJson);
const fail = (msg) => { console.error("map test: " + msg); process.exit(1); };

const browser = await chromium.launch({
  executablePath: process.env.STANCEGRAPH_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("dialog", (d) => fail("a dialog opened: article text ran as script (" + d.message() + ")"));
  page.on("pageerror", (e) => fail("script error on the page: " + e.message));
  await page.goto(pathToFileURL(mapPath).href);
  await page.waitForSelector("body[data-ready='1']");

  // every node and edge of the graph is on the page
  const counts = await page.evaluate(() => window.stancegraph.counts());
  for (const k of ["actors", "contents", "edges"]) if (counts[k] !== expect[k]) fail(`${k}: page has ${counts[k]}, graph has ${expect[k]}`);
  const shownActors = () => page.$$eval("g.view[data-view='v'] .node.actor", (els) => els.filter((e) => e.style.display !== "none").length);
  if ((await shownActors()) !== expect.actors) fail("not every actor is shown before filtering");

  // the actor filter knows aliases: "Kremlin" finds Russia (and so would "Moscow")
  await page.fill("#actor-filter", "Kremlin");
  const afterFilter = await shownActors();
  if (afterFilter < 1 || afterFilter >= expect.actors) fail(`actor filter shows ${afterFilter} of ${expect.actors} actors`);
  const russia = await page.$$eval("g.view[data-view='v'] .node.actor", (els) => els.some((e) => e.style.display !== "none" && e.textContent.includes("Russia")));
  if (!russia) fail("filtering by 'Kremlin' does not show Russia");
  await page.fill("#actor-filter", "Pyongyang");
  const northKorea = await page.$$eval("g.view[data-view='v'] .node.actor", (els) => els.some((e) => e.style.display !== "none" && e.textContent.includes("North Korea")));
  if (!northKorea) fail("the lexicon alias 'Pyongyang' does not find North Korea");

  // clicking a visible edge lists its evidence, first sentence included
  const edgeId = await page.$$eval("g.view[data-view='v'] .edge", (els) => els.find((e) => e.style.display !== "none").dataset.id);
  await page.locator(`[data-id="${edgeId}"]`).dispatchEvent("click");
  const want = await page.evaluate((id) => JSON.parse(document.getElementById("sg-data").textContent).actor.edges.find((e) => e.id === id).evidence[0].sentence, edgeId);
  const panelText = await page.textContent("#panel");
  if (!panelText.includes(want)) fail("the evidence panel lacks the edge's sentence");
  if ((await page.$$("#panel mark")).length < 1) fail("the cue is not highlighted");

  // article text with markup shows as text
  await page.fill("#actor-filter", "");
  const xssEdge = await page.evaluate((xss) => JSON.parse(document.getElementById("sg-data").textContent).actor.edges.find((e) => e.evidence.some((v) => v.sentence.includes(xss))).id, expect.xss);
  await page.locator(`[data-id="${xssEdge}"]`).dispatchEvent("click");
  if (!(await page.textContent("#panel")).includes(expect.xss)) fail("the sentence with markup is not shown as text");
  if ((await page.$$("#panel script")).length) fail("markup from article text became elements");

  // conflicts view and country-level view
  await page.click("#conflicts");
  const clashing = await page.$$eval("g.view[data-view='v'] .node.content.clash", (els) => els.length);
  await page.click("#conflicts");
  await page.check("#level");
  const bodyView = await page.$eval("g.view[data-view='b']", (g) => g.style.display !== "none");
  if (!bodyView) fail("the country-level view does not show");
  await page.uncheck("#level");
  await page.screenshot({ path: shotPath });

  // a large graph stays usable: load time reported, filter applied
  const big = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  big.on("pageerror", (e) => fail("script error on the large page: " + e.message));
  const t0 = Date.now();
  await big.goto(pathToFileURL(bigPath).href);
  await big.waitForSelector("body[data-ready='1']");
  const loadMs = Date.now() - t0;
  const bigCounts = await big.evaluate(() => window.stancegraph.counts());
  if (bigCounts.actors + bigCounts.contents !== expect.big_nodes) fail(`large page has ${bigCounts.actors + bigCounts.contents} nodes, expected ${expect.big_nodes}`);
  const t1 = Date.now();
  await big.fill("#actor-filter", "Peru");
  const filterMs = Date.now() - t1;
  console.log(`map test: ok (${counts.actors} actors, ${counts.contents} contents, ${counts.edges} edges; ${clashing} contents in conflict; ` +
    `${expect.big_nodes}-node map loaded in ${loadMs} ms, script ready in ${Math.round(await big.evaluate(() => window.stancegraph.loadMs))} ms, filtered in ${filterMs} ms)`);
} finally {
  await browser.close();
}
