// stancegraph negotiation map: views, filters, evidence, pan and zoom over
// the SVG drawn by `stancegraph export --format html`. All article text
// reaches the page through textContent, never as markup. The view and the
// filters live in the address (#view=issues&actor=Russia…), so a map state
// can be bookmarked and shared.
(function () {
  "use strict";
  const started = performance.now();
  const data = JSON.parse(document.getElementById("sg-data").textContent);
  const svg = document.getElementById("map");
  const panel = document.getElementById("panel");
  const status = document.getElementById("status");
  const $ = (id) => document.getElementById(id);
  const WANTS = new Set(["demand", "propose", "support"]);
  const ALL_STANCES = Object.keys(data.colours);
  // the evidence table: every sentence once, the edges point into it
  const S = data.evidence.strings, ROWS = data.evidence.rows;
  const evidence = (i) => { const r = ROWS[i]; return { doc: S[r[0]], date: r[1], sentence: S[r[2]], cue: r[3], span: [r[4], r[5]], content: S[r[6]] }; };

  // indexes per view; the network view's edges are ties between two actors
  const views = {};
  for (const [name, prefix] of [["actor", "v"], ["affiliation", "b"], ["issues", "i"], ["network", "n"]]) {
    const v = data[name];
    const group = svg.querySelector(`g.view[data-view="${prefix}"]`);
    const idx = { name, group, actors: new Map(), contents: new Map(), edges: new Map(), el: new Map(), byActor: new Map(), byContent: new Map(), network: name === "network" };
    for (const a of v.actors) { idx.actors.set(a.id, a); idx.byActor.set(a.id, []); }
    for (const c of v.contents || []) { idx.contents.set(c.id, c); idx.byContent.set(c.id, []); }
    for (const e of v.edges || []) { idx.edges.set(e.id, e); idx.byActor.get(e.a).push(e); idx.byContent.get(e.c).push(e); }
    for (const t of v.ties || []) { idx.edges.set(t.id, t); idx.byActor.get(t.a).push(t); idx.byActor.get(t.b).push(t); }
    for (const el of group.querySelectorAll("[data-id]")) idx.el.set(el.dataset.id, el);
    views[name] = idx;
  }

  // only the current view's group is in the document: hidden groups of a
  // large map, though not drawn, cost the browser a minute a frame
  function mount(name) {
    for (const [n, idx] of Object.entries(views)) {
      if (n === name && !idx.group.isConnected) svg.appendChild(idx.group);
      else if (n !== name && idx.group.isConnected) idx.group.remove();
    }
  }
  mount("actor");

  const fresh = () => ({ view: "actor", text: "", stances: new Set(ALL_STANCES), min: 1, since: "", until: "", conflicts: false, selected: null });
  let state = fresh();

  function inRange(date) {
    if (!state.since && !state.until) return true;
    if (!date) return false;
    return (!state.since || date >= state.since) && (!state.until || date.slice(0, state.until.length) <= state.until);
  }

  function actorMatches(a) {
    if (!state.text) return true;
    const t = state.text.toLowerCase();
    return a.name.toLowerCase().includes(t) || a.mentions.concat(a.aliases).some((m) => m.toLowerCase().includes(t)) || (a.affiliation || "").toLowerCase().includes(t);
  }

  function visibleEdges(idx) {
    const out = [];
    for (const e of idx.edges.values()) {
      if (idx.network) {
        if (state.conflicts && e.kind !== "clash") continue;
        if (e.weight < state.min) continue;
        if (state.text && !actorMatches(idx.actors.get(e.a)) && !actorMatches(idx.actors.get(e.b))) continue;
      } else {
        if (!state.stances.has(e.stance)) continue;
        const n = state.since || state.until ? e.evidence.filter((i) => inRange(ROWS[i][1])).length : e.evidence.length;
        if (n < state.min || n === 0) continue;
        if (idx.name !== "issues" && !actorMatches(idx.actors.get(e.a))) continue;
      }
      out.push(e);
    }
    if (idx.name === "issues" && state.text) {
      // an actor's issues, with everyone's stances on them
      const theirs = new Set(out.filter((e) => actorMatches(idx.actors.get(e.a))).map((e) => e.c));
      return out.filter((e) => theirs.has(e.c));
    }
    return out;
  }

  // ---- the issue view, filtered, is laid out again around what it shows ----
  const home = new Map(); // id -> the drawing's own transform or path
  const relaid = new Map(); // id -> box after a re-layout
  function restoreIssues() {
    for (const [id, v] of home) {
      const e = views.issues.el.get(id);
      e.setAttribute(e.tagName === "path" ? "d" : "transform", v);
    }
    home.clear();
    relaid.clear();
  }
  function spread(wanted, gap, lo) {
    const y = [];
    for (const w of wanted) y.push(Math.max(w, y.length ? y[y.length - 1] + gap : lo));
    return y;
  }
  function relayoutIssues(edges) {
    restoreIssues();
    const idx = views.issues;
    const [ROW, IH, IX, IW, GAP, AX, AW] = data.layout;
    const actorsOf = new Map();
    for (const e of edges) { if (!actorsOf.has(e.c)) actorsOf.set(e.c, new Set()); actorsOf.get(e.c).add(e.a); }
    const issues = [...actorsOf.keys()].sort((x, y) => actorsOf.get(y).size - actorsOf.get(x).size || (x < y ? -1 : 1));
    const at = new Map();
    let y = 20;
    for (const c of issues) {
      const slot = Math.max(actorsOf.get(c).size * ROW / 2, IH + 12);
      at.set(c, [IX, y + (slot - IH) / 2, IW, IH]);
      y += slot;
    }
    const sum = new Map();
    for (const e of edges) { const s = sum.get(e.a) || [0, 0]; s[0] += e.count * (at.get(e.c)[1] + IH / 2); s[1] += e.count; sum.set(e.a, s); }
    const bary = [...sum].map(([a, [s, n]]) => [s / n, a]).sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : 1));
    for (const side of [0, 1]) {
      const mine = bary.filter((_, k) => k % 2 === side);
      const ys = spread(mine.map(([v]) => v - 9), ROW, 20);
      mine.forEach(([, a], k) => at.set(a, [side ? IX + IW + GAP : AX, ys[k], AW, 18]));
    }
    const place = (id, v) => { const e = idx.el.get(id); const attr = e.tagName === "path" ? "d" : "transform"; home.set(id, e.getAttribute(attr)); e.setAttribute(attr, v); };
    for (const [id, b] of at) { place(id, `translate(${b[0]},${b[1]})`); relaid.set(id, b); }
    for (const e of edges) {
      const [ax, ay] = at.get(e.a), [cx, cy] = at.get(e.c);
      const right = ax > cx;
      const x1 = right ? ax : ax + AW, x2 = right ? cx + IW : cx, y1 = ay + 9, y2 = cy + IH / 2, mid = (x1 + x2) / 2;
      place(e.id, `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`);
      relaid.set(e.id, [Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)]);
    }
  }

  // contents (or issues) where one actor wants what another rejects
  function clashes(edges) {
    const byContent = new Map();
    for (const e of edges) {
      if (!byContent.has(e.c)) byContent.set(e.c, []);
      byContent.get(e.c).push(e);
    }
    const hot = new Set();
    for (const [c, list] of byContent) {
      const wants = list.filter((e) => WANTS.has(e.stance)).map((e) => e.a);
      const rejects = list.filter((e) => e.stance === "reject").map((e) => e.a);
      if (wants.some((a) => rejects.some((b) => a !== b))) hot.add(c);
    }
    return hot;
  }

  function unfiltered() {
    return !state.text && state.stances.size === ALL_STANCES.length && state.min <= 1 && !state.since && !state.until && !state.conflicts;
  }

  // ---- drawing state ----
  function apply(zoom) {
    mount(state.view);
    const idx = views[state.view];
    const edges = visibleEdges(idx);
    const shownEdges = new Set(edges.map((e) => e.id));
    const shownNodes = new Set();
    for (const e of edges) { shownNodes.add(e.a); shownNodes.add(idx.network ? e.b : e.c); }
    if (state.text) for (const a of idx.actors.values()) if (actorMatches(a)) shownNodes.add(a.id);
    // with no filter set, every actor shows, also a body no one quotes directly
    if (unfiltered()) for (const id of idx.actors.keys()) shownNodes.add(id);
    if (idx.name === "issues") { if (unfiltered()) restoreIssues(); else relayoutIssues(edges); }
    const hot = state.conflicts && !idx.network ? clashes(edges) : new Set();
    const hotActors = new Set(edges.filter((e) => hot.has(e.c)).map((e) => e.a));
    const focus = [];
    for (const [id, el] of idx.el) {
      const isEdge = idx.edges.has(id);
      const shown = isEdge ? shownEdges.has(id) : shownNodes.has(id);
      el.style.display = shown ? "" : "none";
      const clash = state.conflicts && !idx.network && (isEdge ? hot.has(idx.edges.get(id).c) : hot.has(id));
      el.classList.toggle("clash", clash);
      el.classList.toggle("dim", state.conflicts && !idx.network && !clash && shown && !idx.actors.has(id));
      if (shown && (!state.conflicts || idx.network || clash || hotActors.has(id))) focus.push(id);
    }
    const na = [...shownNodes].filter((id) => idx.actors.has(id)).length;
    if (idx.network) {
      const clashing = edges.filter((e) => e.kind === "clash").length;
      status.textContent = `${na} actors, ${edges.length - clashing} agreeing and ${clashing} clashing pairs shown (ties on issues; stance and date filters do not apply here) · ${data.documents} documents`;
    } else {
      status.textContent = `${na} actors, ${shownNodes.size - na} ${state.view === "issues" ? "issues" : "contents"}, ${edges.length} stance edges shown` + (state.conflicts ? `; ${hot.size} in conflict` : "") + ` · ${data.documents} documents`;
    }
    if (zoom) zoomTo(unfiltered() ? [...idx.el.keys()] : focus);
    writeHash();
  }

  // ---- the address keeps the state ----
  function writeHash() {
    const p = new URLSearchParams();
    if (state.view !== "actor") p.set("view", state.view);
    if (state.text) p.set("actor", state.text);
    if (state.stances.size !== ALL_STANCES.length) p.set("stance", [...state.stances].join(","));
    if (state.min > 1) p.set("min", state.min);
    if (state.since) p.set("since", state.since);
    if (state.until) p.set("until", state.until);
    if (state.conflicts) p.set("conflicts", "1");
    if (state.selected) p.set("select", state.selected);
    const hash = p.toString();
    if (hash !== location.hash.slice(1)) history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    state = fresh();
    if (views[p.get("view")]) state.view = p.get("view");
    state.text = (p.get("actor") || "").trim();
    if (p.has("stance")) state.stances = new Set(p.get("stance").split(",").filter((s) => ALL_STANCES.includes(s)));
    state.min = Math.max(1, +p.get("min") || 1);
    state.since = p.get("since") || "";
    state.until = p.get("until") || "";
    state.conflicts = p.get("conflicts") === "1";
    // the controls show the state
    $("view").value = state.view;
    $("actor-filter").value = state.text;
    for (const cb of document.querySelectorAll("input[data-stance]")) cb.checked = state.stances.has(cb.dataset.stance);
    $("min-count").value = state.min;
    $("since").value = state.since;
    $("until").value = state.until;
    $("conflicts").classList.toggle("on", state.conflicts);
    return p.get("select");
  }

  // ---- panel ----
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function sentenceWithCue(sentence, cue) {
    const li = el("span");
    const i = cue ? sentence.toLowerCase().indexOf(cue.toLowerCase()) : -1;
    if (i < 0) { li.textContent = sentence; return li; }
    li.append(document.createTextNode(sentence.slice(0, i)), el("mark", sentence.slice(i, i + cue.length)), document.createTextNode(sentence.slice(i + cue.length)));
    return li;
  }

  function select(id) {
    const idx = views[state.view];
    for (const old of svg.querySelectorAll(".selected")) old.classList.remove("selected");
    state.selected = id;
    const now = idx.el.get(id);
    if (now) now.classList.add("selected");
    writeHash();
  }

  function showTie(id) {
    const t = views.network.edges.get(id);
    const a = views.network.actors.get(t.a), b = views.network.actors.get(t.b);
    select(id);
    panel.replaceChildren(el("h2", `${a.name} and ${b.name}`));
    panel.append(el("p", t.kind === "clash" ? `take opposite sides on ${t.weight} issue${t.weight === 1 ? "" : "s"}:` : `take the same side on ${t.weight} issue${t.weight === 1 ? "" : "s"}:`, "meta"));
    const ul = el("ul");
    for (const issue of t.issues) ul.append(el("li", data.network.labels[issue]));
    panel.append(ul);
  }

  function showEdge(id) {
    const idx = views[state.view];
    if (idx.network) return showTie(id);
    const e = idx.edges.get(id);
    select(id);
    const a = idx.actors.get(e.a), c = idx.contents.get(e.c);
    panel.replaceChildren();
    const h = el("h2");
    h.append(el("span", a.name + " "), el("span", e.stance, "stance-" + e.stance), el("span", " " + c.text));
    h.children[1].style.color = data.colours[e.stance];
    panel.append(h);
    if (e.targets.length) panel.append(el("p", "addressed to: " + e.targets.join(", "), "meta"));
    panel.append(el("h3", `evidence (${e.evidence.length})`));
    const ul = el("ul", undefined, "evidence");
    for (const ev of e.evidence.map(evidence)) {
      const li = el("li");
      const on = state.view === "issues" ? `on “${ev.content}” · ` : "";
      li.append(sentenceWithCue(ev.sentence, ev.cue), el("div", `${on}${ev.doc}${ev.date ? " · " + ev.date : ""} · bytes ${ev.span[0]}–${ev.span[1]}`, "meta"));
      ul.append(li);
    }
    panel.append(ul);
  }

  function showActor(id) {
    const idx = views[state.view];
    const a = idx.actors.get(id);
    select(id);
    panel.replaceChildren(el("h2", a.name));
    panel.append(el("p", [a.kind, a.affiliation ? "speaks for " + a.affiliation : "", a.mentions.length ? "named as " + a.mentions.join(", ") : ""].filter(Boolean).join(" · "), "meta"));
    const by = new Map();
    for (const e of idx.byActor.get(id)) {
      const k = idx.network ? (e.kind === "clash" ? "clashes with" : "agrees with") : e.stance;
      if (!by.has(k)) by.set(k, []);
      by.get(k).push(e);
    }
    for (const [key, list] of by) {
      const count = (e) => (idx.network ? e.weight : e.count);
      const h = el("h3", `${key} (${list.reduce((n, e) => n + count(e), 0)})`);
      h.style.color = idx.network ? (key === "clashes with" ? "#d62728" : "#2ca02c") : data.colours[key];
      panel.append(h);
      const ul = el("ul");
      for (const e of list.sort((x, y) => count(y) - count(x))) {
        const li = el("li");
        const other = idx.network ? idx.actors.get(e.a === id ? e.b : e.a).name : idx.contents.get(e.c).text;
        const link = el("a", other);
        link.href = "#";
        link.addEventListener("click", (ev) => { ev.preventDefault(); showEdge(e.id); });
        li.append(link, el("span", ` ×${count(e)}`, "meta"));
        ul.append(li);
      }
      panel.append(ul);
    }
  }

  function show(id) {
    const idx = views[state.view];
    if (idx.edges.has(id)) showEdge(id);
    else if (idx.actors.has(id)) showActor(id);
  }

  svg.addEventListener("click", (ev) => {
    const target = ev.target.closest("[data-id]");
    if (!target || moved) return;
    show(target.dataset.id);
  });

  // ---- pan and zoom on the viewBox ----
  const box = svg.viewBox.baseVal;
  function toUser(clientX, clientY) {
    const m = svg.getScreenCTM();
    if (!m) return { x: box.x, y: box.y };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }
  let drag = null, moved = false;
  svg.addEventListener("mousedown", (ev) => { drag = { p: toUser(ev.clientX, ev.clientY), x: ev.clientX, y: ev.clientY }; moved = false; $("canvas").classList.add("dragging"); });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) moved = true;
    const now = toUser(ev.clientX, ev.clientY);
    box.x -= now.x - drag.p.x;
    box.y -= now.y - drag.p.y;
  });
  window.addEventListener("mouseup", () => { drag = null; $("canvas").classList.remove("dragging"); setTimeout(() => { moved = false; }, 0); });
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const f = Math.exp(ev.deltaY * 0.0015);
    const p = toUser(ev.clientX, ev.clientY);
    box.x = p.x - (p.x - box.x) * f;
    box.y = p.y - (p.y - box.y) * f;
    box.width *= f; box.height *= f;
    near();
  }, { passive: false });
  // close enough that a dash is over a pixel long
  function near() {
    const scale = Math.max(box.width / Math.max(1, svg.clientWidth), box.height / Math.max(1, svg.clientHeight));
    svg.classList.toggle("near", scale < 3);
  }

  // the view box around these elements' boxes (the whole view if none), not
  // closer than text stays readable at; the SVG keeps its aspect and
  // centres it, so all of it is in the window
  function zoomTo(ids) {
    const idx = views[state.view];
    const v = data[state.view];
    const boxes = [];
    for (const id of ids) {
      const item = idx.actors.get(id) || idx.contents.get(id) || idx.edges.get(id);
      const b = (idx.name === "issues" && relaid.get(id)) || (item && item.bbox);
      if (b) boxes.push(b);
    }
    if (!boxes.length) for (const item of v.actors.concat(v.contents || [])) boxes.push(item.bbox);
    if (!boxes.length) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y, w, h] of boxes) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + w); y1 = Math.max(y1, y + h); }
    const pad = 20, least = Math.min(700, +svg.dataset.width);
    let w = x1 - x0 + 2 * pad, h = y1 - y0 + 2 * pad;
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const aspect = svg.clientHeight / Math.max(1, svg.clientWidth);
    if (w < least) { w = least; }
    if (h < least * aspect) { h = least * aspect; }
    box.x = cx - w / 2; box.y = cy - h / 2; box.width = w; box.height = h;
    near();
  }

  // ---- controls ----
  $("actor-filter").addEventListener("input", (ev) => { state.text = ev.target.value.trim(); apply(true); });
  for (const cb of document.querySelectorAll("input[data-stance]")) cb.addEventListener("change", () => { cb.checked ? state.stances.add(cb.dataset.stance) : state.stances.delete(cb.dataset.stance); apply(true); });
  $("min-count").addEventListener("input", (ev) => { state.min = Math.max(1, +ev.target.value || 1); apply(true); });
  $("since").addEventListener("change", (ev) => { state.since = ev.target.value; apply(true); });
  $("until").addEventListener("change", (ev) => { state.until = ev.target.value; apply(true); });
  $("view").addEventListener("change", (ev) => { state.view = ev.target.value; state.selected = null; apply(true); });
  $("conflicts").addEventListener("click", () => { state.conflicts = !state.conflicts; $("conflicts").classList.toggle("on", state.conflicts); apply(true); });
  $("reset").addEventListener("click", () => { history.replaceState(null, "", location.pathname + location.search); readHash(); apply(true); panel.replaceChildren(el("p", "Click an edge for its evidence, an actor for its positions.", "hint")); });
  function fromAddress() {
    const selected = readHash();
    apply(true);
    if (selected && views[state.view].el.has(selected)) show(selected);
  }
  window.addEventListener("hashchange", fromAddress);
  window.addEventListener("resize", () => apply(true));

  fromAddress();
  // what a test or a curious analyst can ask the page
  window.stancegraph = {
    counts: () => { const idx = views.actor; return { actors: idx.actors.size, contents: idx.contents.size, edges: idx.edges.size }; },
    view: () => state.view,
    // the evidence of an edge of a view, as sentences
    evidence: (view, id) => views[view].edges.get(id).evidence.map(evidence),
    loadMs: performance.now() - started,
  };
  document.body.dataset.ready = "1";
})();
