// stancegraph negotiation map: filters, evidence, pan and zoom over the SVG
// drawn by `stancegraph export --format html`. All article text reaches the
// page through textContent, never as markup.
(function () {
  "use strict";
  const started = performance.now();
  const data = JSON.parse(document.getElementById("sg-data").textContent);
  const svg = document.getElementById("map");
  const panel = document.getElementById("panel");
  const status = document.getElementById("status");
  const $ = (id) => document.getElementById(id);
  const WANTS = new Set(["demand", "propose", "support"]);

  // indexes per view
  const views = {};
  for (const [name, prefix] of [["actor", "v"], ["affiliation", "b"]]) {
    const v = data[name];
    const group = svg.querySelector(`g.view[data-view="${prefix}"]`);
    const idx = { group, actors: new Map(), contents: new Map(), edges: new Map(), el: new Map(), byActor: new Map(), byContent: new Map() };
    for (const a of v.actors) { idx.actors.set(a.id, a); idx.byActor.set(a.id, []); }
    for (const c of v.contents) { idx.contents.set(c.id, c); idx.byContent.set(c.id, []); }
    for (const e of v.edges) { idx.edges.set(e.id, e); idx.byActor.get(e.a).push(e); idx.byContent.get(e.c).push(e); }
    for (const el of group.querySelectorAll("[data-id]")) idx.el.set(el.dataset.id, el);
    views[name] = idx;
  }

  const state = { view: "actor", text: "", stances: new Set(Object.keys(data.colours)), min: 1, since: "", until: "", conflicts: false, selected: null };

  function inRange(ev) {
    if (!state.since && !state.until) return true;
    if (!ev.date) return false;
    return (!state.since || ev.date >= state.since) && (!state.until || ev.date.slice(0, state.until.length) <= state.until);
  }

  function actorMatches(a) {
    if (!state.text) return true;
    const t = state.text.toLowerCase();
    return a.name.toLowerCase().includes(t) || a.mentions.concat(a.aliases).some((m) => m.toLowerCase().includes(t)) || (a.affiliation || "").toLowerCase().includes(t);
  }

  function visibleEdges(idx) {
    const out = [];
    for (const e of idx.edges.values()) {
      if (!state.stances.has(e.stance)) continue;
      const n = e.evidence.filter(inRange).length;
      if (n < state.min || n === 0) continue;
      if (!actorMatches(idx.actors.get(e.a))) continue;
      out.push(e);
    }
    return out;
  }

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

  function apply() {
    for (const [name, idx] of Object.entries(views)) idx.group.style.display = name === state.view ? "" : "none";
    const idx = views[state.view];
    const edges = visibleEdges(idx);
    const shownEdges = new Set(edges.map((e) => e.id));
    const shownNodes = new Set();
    for (const e of edges) { shownNodes.add(e.a); shownNodes.add(e.c); }
    if (state.text) for (const a of idx.actors.values()) if (actorMatches(a)) shownNodes.add(a.id);
    // with no filter set, every actor shows, also a body no one quotes directly
    const unfiltered = !state.text && state.stances.size === Object.keys(data.colours).length && state.min <= 1 && !state.since && !state.until;
    if (unfiltered) for (const id of idx.actors.keys()) shownNodes.add(id);
    const hot = state.conflicts ? clashes(edges) : new Set();
    for (const [id, el] of idx.el) {
      const isEdge = idx.edges.has(id);
      const shown = isEdge ? shownEdges.has(id) : shownNodes.has(id);
      el.style.display = shown ? "" : "none";
      const clash = state.conflicts && (isEdge ? hot.has(idx.edges.get(id).c) : hot.has(id));
      el.classList.toggle("clash", clash);
      el.classList.toggle("dim", state.conflicts && !clash && shown && !(idx.actors.has(id)));
    }
    const na = [...shownNodes].filter((id) => idx.actors.has(id)).length;
    status.textContent = `${na} actors, ${shownNodes.size - na} contents, ${edges.length} stance edges shown` + (state.conflicts ? `; ${hot.size} contents in conflict` : "") + ` · ${data.documents} documents`;
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
    if (state.selected) { const old = idx.el.get(state.selected); if (old) old.classList.remove("selected"); }
    state.selected = id;
    const now = idx.el.get(id);
    if (now) now.classList.add("selected");
  }

  function showEdge(id) {
    const idx = views[state.view];
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
    for (const ev of e.evidence) {
      const li = el("li");
      li.append(sentenceWithCue(ev.sentence, ev.cue), el("div", `${ev.doc}${ev.date ? " · " + ev.date : ""} · bytes ${ev.span[0]}–${ev.span[1]}`, "meta"));
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
    for (const e of idx.byActor.get(id)) { if (!by.has(e.stance)) by.set(e.stance, []); by.get(e.stance).push(e); }
    for (const [stance, list] of by) {
      const h = el("h3", `${stance} (${list.reduce((n, e) => n + e.count, 0)})`);
      h.style.color = data.colours[stance];
      panel.append(h);
      const ul = el("ul");
      for (const e of list.sort((x, y) => y.count - x.count)) {
        const li = el("li");
        const link = el("a", idx.contents.get(e.c).text);
        link.href = "#";
        link.addEventListener("click", (ev) => { ev.preventDefault(); showEdge(e.id); });
        li.append(link, el("span", ` ×${e.count}`, "meta"));
        ul.append(li);
      }
      panel.append(ul);
    }
  }

  svg.addEventListener("click", (ev) => {
    const target = ev.target.closest("[data-id]");
    if (!target || moved) return;
    const idx = views[state.view];
    const id = target.dataset.id;
    if (idx.edges.has(id)) showEdge(id);
    else if (idx.actors.has(id)) showActor(id);
  });

  // ---- pan and zoom on the viewBox ----
  const box = svg.viewBox.baseVal;
  let drag = null, moved = false;
  svg.addEventListener("mousedown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, bx: box.x, by: box.y }; moved = false; $("canvas").classList.add("dragging"); });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const scale = box.width / svg.clientWidth;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    box.x = drag.bx - dx * scale;
    box.y = drag.by - dy * scale;
  });
  window.addEventListener("mouseup", () => { drag = null; $("canvas").classList.remove("dragging"); setTimeout(() => { moved = false; }, 0); });
  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const f = Math.exp(ev.deltaY * 0.0015);
    const r = svg.getBoundingClientRect();
    const px = box.x + (ev.clientX - r.left) / r.width * box.width;
    const py = box.y + (ev.clientY - r.top) / r.height * box.height;
    box.width *= f; box.height *= f;
    box.x = px - (px - box.x) * f;
    box.y = py - (py - box.y) * f;
  }, { passive: false });
  function fit() {
    box.x = 0; box.y = 0;
    box.width = +svg.dataset.width;
    box.height = Math.min(+svg.dataset.height, box.width * svg.clientHeight / Math.max(1, svg.clientWidth));
  }

  // ---- controls ----
  $("actor-filter").addEventListener("input", (ev) => { state.text = ev.target.value.trim(); apply(); });
  for (const cb of document.querySelectorAll("input[data-stance]")) cb.addEventListener("change", () => { cb.checked ? state.stances.add(cb.dataset.stance) : state.stances.delete(cb.dataset.stance); apply(); });
  $("min-count").addEventListener("input", (ev) => { state.min = Math.max(1, +ev.target.value || 1); apply(); });
  $("since").addEventListener("change", (ev) => { state.since = ev.target.value; apply(); });
  $("until").addEventListener("change", (ev) => { state.until = ev.target.value; apply(); });
  $("level").addEventListener("change", (ev) => { state.view = ev.target.checked ? "affiliation" : "actor"; state.selected = null; apply(); });
  $("conflicts").addEventListener("click", () => { state.conflicts = !state.conflicts; $("conflicts").classList.toggle("on", state.conflicts); apply(); });
  $("reset").addEventListener("click", () => { location.hash = ""; location.reload(); });

  fit();
  apply();
  // what a test or a curious analyst can ask the page
  window.stancegraph = {
    counts: () => { const idx = views[state.view]; return { actors: idx.actors.size, contents: idx.contents.size, edges: idx.edges.size }; },
    loadMs: performance.now() - started,
  };
  document.body.dataset.ready = "1";
})();
