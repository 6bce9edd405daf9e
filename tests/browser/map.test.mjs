// Drives Debian's Chromium (through playwright-core) over exported HTML maps.
// usage: node map.test.mjs MAP.html BIG.html SCREENSHOT.png EXPECT_JSON
// EXPECT_JSON: {"actors": n, "contents": n, "edges": n, "xss": "...", "big_nodes": n}
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [mapPath, bigPath, shotPath, expectJson] = process.argv.slice(2);
const expect = JSON.parse(expectJson);
const fail = (msg) => { console.error("map test: " + msg); process.exit(1); };

// how many of the shown elements matching `sel` in view `view` lie (partly)
// outside the map's viewport, and how many are shown
const outside = (page, view, sel) => page.evaluate(([view, sel]) => {
  const r = document.getElementById("map").getBoundingClientRect();
  const shown = [...document.querySelectorAll(`g.view[data-view='${view}'] ${sel}`)].filter((e) => e.style.display !== "none");
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const out = shown.filter((e) => {
    const b = e.getBoundingClientRect();
    [x0, y0, x1, y1] = [Math.min(x0, b.left), Math.min(y0, b.top), Math.max(x1, b.right), Math.max(y1, b.bottom)];
    return b.left < r.left - 2 || b.right > r.right + 2 || b.top < r.top - 2 || b.bottom > r.bottom + 2;
  });
  // the share of the viewport's width or height (the larger) that the shown elements span
  const fill = Math.max((x1 - x0) / r.width, (y1 - y0) / r.height);
  return { shown: shown.length, outside: out.length, fill };
}, [view, sel]);
// every shown element is inside the viewport, and together they fill at
// least half of its width or height: zoomed to, not a speck in a corner
const allInside = async (page, view, sel, what) => {
  const o = await outside(page, view, sel);
  if (o.shown < 1) fail(`${what}: nothing shown`);
  if (o.outside) fail(`${what}: ${o.outside} of ${o.shown} shown elements are outside the viewport`);
  if (o.fill < 0.5) fail(`${what}: the ${o.shown} shown elements span only ${Math.round(o.fill * 100)}% of the viewport`);
  return o.shown;
};

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
  // only the current view is in the document (hidden views of a large map
  // cost the browser a minute a frame), and claims are dashed only close up
  if ((await page.$$("g.view")).length !== 1) fail("hidden views are kept in the document");
  // it opens on an overview that fits the window
  await allInside(page, "v", ".node", "the opening overview");

  // the actor filter knows aliases: "Kremlin" finds Russia (and so would "Moscow")
  await page.fill("#actor-filter", "Kremlin");
  const afterFilter = await shownActors();
  if (afterFilter < 1 || afterFilter >= expect.actors) fail(`actor filter shows ${afterFilter} of ${expect.actors} actors`);
  const russia = await page.$$eval("g.view[data-view='v'] .node.actor", (els) => els.some((e) => e.style.display !== "none" && e.textContent.includes("Russia")));
  if (!russia) fail("filtering by 'Kremlin' does not show Russia");
  // the filter zooms to what it shows, and the address keeps it
  await allInside(page, "v", ".edge", "Russia's edges after filtering");
  await allInside(page, "v", ".node", "Russia and its contents after filtering");
  if (!(await page.evaluate(() => location.hash)).includes("actor=Kremlin")) fail("the address does not keep the filter");
  const nearDash = await page.evaluate(() => { const c = [...document.querySelectorAll(".edge.claim")].find((e) => e.style.display !== "none"); return c ? getComputedStyle(c).strokeDasharray : "no claim"; });
  if (nearDash === "none") fail("a claim is not dashed close up");
  await page.fill("#actor-filter", "Pyongyang");
  const northKorea = await page.$$eval("g.view[data-view='v'] .node.actor", (els) => els.some((e) => e.style.display !== "none" && e.textContent.includes("North Korea")));
  if (!northKorea) fail("the lexicon alias 'Pyongyang' does not find North Korea");

  // clicking a visible edge lists its evidence, first sentence included
  const edgeId = await page.$$eval("g.view[data-view='v'] .edge", (els) => els.find((e) => e.style.display !== "none").dataset.id);
  await page.locator(`[data-id="${edgeId}"]`).dispatchEvent("click");
  const want = await page.evaluate((id) => window.stancegraph.evidence("actor", id)[0].sentence, edgeId);
  const panelText = await page.textContent("#panel");
  if (!panelText.includes(want)) fail("the evidence panel lacks the edge's sentence");
  if ((await page.$$("#panel mark")).length < 1) fail("the cue is not highlighted");

  // article text with markup shows as text
  await page.fill("#actor-filter", "");
  const xssEdge = await page.evaluate((xss) => { const d = JSON.parse(document.getElementById("sg-data").textContent); return d.actor.edges.find((e) => window.stancegraph.evidence("actor", e.id).some((v) => v.sentence.includes(xss))).id; }, expect.xss);
  await page.locator(`[data-id="${xssEdge}"]`).dispatchEvent("click");
  if (!(await page.textContent("#panel")).includes(expect.xss)) fail("the sentence with markup is not shown as text");
  if ((await page.$$("#panel script")).length) fail("markup from article text became elements");

  // conflicts view and country-level view
  await page.click("#conflicts");
  const clashing = await page.$$eval("g.view[data-view='v'] .node.content.clash", (els) => els.length);
  if (clashing) await allInside(page, "v", ".clash", "contents in conflict and their edges");
  await page.click("#conflicts");
  await page.selectOption("#view", "affiliation");
  const bodyView = await page.$eval("g.view[data-view='b']", (g) => g.style.display !== "none");
  if (!bodyView) fail("the country-level view does not show");
  await allInside(page, "b", ".node", "the country-level overview");

  // the issue view: actors around issues, as an overview; the conflicts view zooms to its clashes
  await page.selectOption("#view", "issues");
  const issuesShown = await allInside(page, "i", ".node.issue", "the issue overview");
  await page.click("#conflicts");
  const hotIssues = await page.$$eval("g.view[data-view='i'] .node.issue.clash", (els) => els.length);
  if (hotIssues < 1 && clashing) fail("no issue in conflict, though contents are");
  if (hotIssues) await allInside(page, "i", ".clash", "issues in conflict and their edges");
  await page.click("#conflicts");

  // the actor network: ties of agreement and of conflict; a tie names its issues
  await page.selectOption("#view", "network");
  const netActors = await allInside(page, "n", ".node", "the actor network");
  const tie = await page.$$eval("g.view[data-view='n'] .edge", (els) => { const e = els.find((x) => x.style.display !== "none"); return e && e.dataset.id; });
  if (!tie) fail("the actor network has no tie");
  await page.locator(`[data-id="${tie}"]`).dispatchEvent("click");
  if (!/issue/.test(await page.textContent("#panel"))) fail("a tie does not list its issues");
  if (!(await page.evaluate(() => location.hash)).includes("view=network")) fail("the address does not keep the view");

  // a shared address opens on the state it names
  const shared = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  shared.on("pageerror", (e) => fail("script error on the shared page: " + e.message));
  await shared.goto(pathToFileURL(mapPath).href + "#view=issues&actor=Russia&min=1");
  await shared.waitForSelector("body[data-ready='1']");
  if ((await shared.$eval("#view", (s) => s.value)) !== "issues" || (await shared.$eval("#actor-filter", (i) => i.value)) !== "Russia") fail("the address's state is not restored");
  await allInside(shared, "i", ".edge", "Russia's issue edges from a shared address");
  await page.selectOption("#view", "actor");
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
  const peru = await allInside(big, "v", ".edge", "Peru's edges on the large map");
  const farDash = await big.evaluate(() => { document.getElementById("actor-filter").value = ""; document.getElementById("actor-filter").dispatchEvent(new Event("input")); const c = document.querySelector(".edge.claim"); return c ? getComputedStyle(c).strokeDasharray : "no claim"; });
  if (farDash !== "none") fail(`edges are dashed (${farDash}) on the overview of a large map`);
  console.log(`map test: ok (${counts.actors} actors, ${counts.contents} contents, ${counts.edges} edges; ${clashing} contents in conflict; ` +
    `issue view ${issuesShown} issues, ${hotIssues} in conflict; network ${netActors} actors; ` +
    `${expect.big_nodes}-node map loaded in ${loadMs} ms, Peru's ${peru} edges in view, script ready in ${Math.round(await big.evaluate(() => window.stancegraph.loadMs))} ms, filtered in ${filterMs} ms)`);
} finally {
  await browser.close();
}
