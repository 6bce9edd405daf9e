//! The negotiation map: one self-contained HTML file (no network access
//! needed) with the graph drawn as inline SVG, laid out here in Rust, and a
//! small script of our own (`map.js`) for pan, zoom, filters, evidence and
//! the conflicts view.
//!
//! Layout: actors on the left, grouped by the body they speak for; contents
//! on the right, each placed at the mean height of the actors that take a
//! stance on it (barycentric ordering), which keeps edges short and crossings
//! few. It is linear in the size of the graph, so 5,000 nodes lay out at once.
//!
//! Escaping: every text goes into the SVG through an XML escape, and the data
//! island is JSON with `<` written as `\u003c`, so article text containing
//! `</script>` stays text.

use crate::graph::PositionGraph;
use crate::lexicon::Lexicon;
use crate::model::Stance;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

const SCRIPT: &str = include_str!("map.js");
const STYLE: &str = include_str!("map.css");

const ACTOR_X: f64 = 10.0;
const ACTOR_W: f64 = 200.0;
const CONTENT_X: f64 = 520.0;
const ROW: f64 = 24.0;

#[derive(Serialize)]
struct ActorData<'a> {
    id: String,
    name: &'a str,
    kind: &'a str,
    affiliation: Option<&'a str>,
    mentions: Vec<&'a str>,
    /// Other names the lexicon knows ("Moscow", "the Kremlin" for Russia).
    aliases: Vec<String>,
}

#[derive(Serialize)]
struct ContentData<'a> {
    id: String,
    text: &'a str,
}

#[derive(Serialize)]
struct EvidenceData<'a> {
    doc: &'a str,
    date: Option<&'a str>,
    sentence: &'a str,
    cue: &'a str,
    span: [usize; 2],
}

#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    a: String,
    c: String,
    stance: Stance,
    count: usize,
    targets: Vec<String>,
    evidence: Vec<EvidenceData<'a>>,
}

#[derive(Serialize)]
struct ViewData<'a> {
    actors: Vec<ActorData<'a>>,
    contents: Vec<ContentData<'a>>,
    edges: Vec<EdgeData<'a>>,
}

/// XML-escape text for SVG and HTML.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // (XML 1.0 has no place for control characters, U+FFFE or U+FFFF)
            c if (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{FFFE}' | '\u{FFFF}') =>
            {
                out.push('\u{FFFD}')
            }
            c => out.push(c),
        }
    }
    out
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>().trim_end())
    }
}

/// One view (actor level or affiliation level): its data and its SVG group.
fn view<'a>(
    g: &'a PositionGraph,
    lx: Option<&Lexicon>,
    prefix: &str,
    svg: &mut String,
) -> (ViewData<'a>, f64) {
    let actors = g.sorted_actors();
    let contents = g.sorted_contents();
    let edges = g.stance_edges();
    // actors grouped by the body they speak for, bodies first in their group
    let mut order: Vec<_> = actors
        .iter()
        .filter_map(|&ix| g.actor(ix).map(|a| (ix, a)))
        .collect();
    order.sort_by(|(_, x), (_, y)| {
        let gx = x.affiliation.as_deref().unwrap_or(&x.name);
        let gy = y.affiliation.as_deref().unwrap_or(&y.name);
        (gx, x.affiliation.is_some(), &x.name).cmp(&(gy, y.affiliation.is_some(), &y.name))
    });
    let n_actors = order.len().max(1) as f64;
    let content_height = contents.len() as f64 * ROW;
    let actor_gap = (content_height / n_actors).max(ROW * 1.4);
    let mut actor_y: HashMap<_, f64> = HashMap::new();
    let mut actor_id: HashMap<_, String> = HashMap::new();
    for (i, (ix, _)) in order.iter().enumerate() {
        actor_y.insert(*ix, 30.0 + i as f64 * actor_gap);
        actor_id.insert(*ix, format!("{prefix}a{i}"));
    }
    // contents at the mean height of their actors
    let mut bary: Vec<(f64, usize, _)> = contents
        .iter()
        .enumerate()
        .map(|(k, &cx)| {
            let ys: Vec<f64> = edges
                .iter()
                .filter(|(_, c, _)| *c == cx)
                .filter_map(|(a, _, _)| actor_y.get(a).copied())
                .collect();
            let mean = if ys.is_empty() {
                0.0
            } else {
                ys.iter().sum::<f64>() / ys.len() as f64
            };
            (mean, k, cx)
        })
        .collect();
    bary.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    let actor_total = 30.0 + n_actors * actor_gap;
    let content_gap = if contents.is_empty() {
        ROW
    } else {
        (actor_total / contents.len() as f64).max(ROW)
    };
    let mut content_y = HashMap::new();
    let mut content_id = HashMap::new();
    for (i, (_, _, cx)) in bary.iter().enumerate() {
        content_y.insert(*cx, 30.0 + i as f64 * content_gap);
        content_id.insert(*cx, format!("{prefix}c{i}"));
    }
    let height = actor_total.max(30.0 + contents.len() as f64 * content_gap) + 30.0;

    let mut data = ViewData {
        actors: Vec::new(),
        contents: Vec::new(),
        edges: Vec::new(),
    };
    let _ = writeln!(svg, r#"<g class="view" data-view="{prefix}">"#);
    // edges first, under the nodes
    let _ = writeln!(svg, r#"<g class="edges">"#);
    let mut sorted_edges = edges.clone();
    sorted_edges.sort_by_key(|(a, c, e)| (actor_id[a].clone(), content_id[c].clone(), e.stance));
    for (i, (a, c, e)) in sorted_edges.iter().enumerate() {
        let id = format!("{prefix}e{i}");
        let (y1, y2) = (actor_y[a] + 9.0, content_y[c] + 5.0);
        let (x1, x2) = (ACTOR_X + ACTOR_W, CONTENT_X - 8.0);
        let mid = (x1 + x2) / 2.0;
        let width = 1.2 + (e.count() as f64).ln() * 1.2;
        let colour = super::stance_colour(e.stance);
        let dash = if e.stance == Stance::Claim {
            r#" stroke-dasharray="4 3""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<path class="edge" data-id="{id}" d="M{x1:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {x2:.1},{y2:.1}" stroke="{colour}" stroke-width="{width:.2}"{dash}><title>{}</title></path>"#,
            escape_text(&format!(
                "{} {} ×{}",
                g.actor(*a).map(|x| x.name.as_str()).unwrap_or(""),
                e.stance,
                e.count()
            ))
        );
        let mut evidence: Vec<_> = e.evidence.iter().collect();
        evidence.sort();
        data.edges.push(EdgeData {
            id,
            a: actor_id[a].clone(),
            c: content_id[c].clone(),
            stance: e.stance,
            count: e.count(),
            targets: e.targets().into_keys().collect(),
            evidence: evidence
                .into_iter()
                .map(|ev| EvidenceData {
                    doc: &ev.doc,
                    date: ev.date.as_deref(),
                    sentence: &ev.sentence,
                    cue: &ev.cue,
                    span: ev.span,
                })
                .collect(),
        });
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, r#"<g class="actors">"#);
    for (ix, a) in &order {
        let id = &actor_id[ix];
        let y = actor_y[ix];
        let indent = if a.affiliation.is_some() { 14.0 } else { 0.0 };
        let fill = match a.kind {
            crate::model::ActorKind::Country => "#fff2cc",
            crate::model::ActorKind::Person => "#dae8fc",
            crate::model::ActorKind::Organization => "#d5e8d4",
            _ => "#eeeeee",
        };
        let _ = writeln!(
            svg,
            r#"<g class="node actor" data-id="{id}" transform="translate({:.1},{y:.1})"><rect width="{:.1}" height="18" rx="5" fill="{fill}"/><text x="6" y="13">{}</text><title>{}</title></g>"#,
            ACTOR_X + indent,
            ACTOR_W - indent,
            escape_text(&shorten(&a.name, 28)),
            escape_text(&a.name)
        );
        data.actors.push(ActorData {
            id: id.clone(),
            name: &a.name,
            kind: a.kind.as_str(),
            affiliation: a.affiliation.as_deref(),
            mentions: a.mentions.iter().map(String::as_str).collect(),
            aliases: lx
                .and_then(|lx| lx.actor_named(&a.name))
                .map(|e| e.aliases.clone())
                .unwrap_or_default(),
        });
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, r#"<g class="contents">"#);
    for (_, _, cx) in &bary {
        let Some(c) = g.content(*cx) else { continue };
        let id = &content_id[cx];
        let y = content_y[cx];
        let _ = writeln!(
            svg,
            r#"<g class="node content" data-id="{id}" transform="translate({CONTENT_X:.1},{y:.1})"><circle r="4" cy="5"/><text x="8" y="9">{}</text><title>{}</title></g>"#,
            escape_text(&shorten(&c.text, 70)),
            escape_text(&c.text)
        );
        data.contents.push(ContentData {
            id: id.clone(),
            text: &c.text,
        });
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, "</g>");
    (data, height)
}

/// JSON that can sit inside a `<script>` element: no `<` can close it, and
/// the noncharacters U+FFFE and U+FFFF (which no XML or HTML parser should
/// meet raw) are escapes, so the text the page shows is still the article's.
fn script_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v)
        .expect("map data serialises")
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('\u{FFFE}', "\\ufffe")
        .replace('\u{FFFF}', "\\uffff")
}

/// The self-contained HTML negotiation map of `g`.
pub fn to_html(g: &PositionGraph) -> String {
    to_html_with_lexicon(g, None)
}

/// As [`to_html`], with the lexicon's aliases known to the actor search box.
pub fn to_html_with_lexicon(g: &PositionGraph, lx: Option<&Lexicon>) -> String {
    let by_body = g.by_affiliation();
    let mut svg_actor = String::new();
    let mut svg_body = String::new();
    let (actor_view, h1) = view(g, lx, "v", &mut svg_actor);
    let (body_view, h2) = view(&by_body, lx, "b", &mut svg_body);
    let height = h1.max(h2);
    let width = CONTENT_X + 560.0;
    #[derive(Serialize)]
    struct Data<'a> {
        actor: ViewData<'a>,
        affiliation: ViewData<'a>,
        colours: std::collections::BTreeMap<&'static str, &'static str>,
        documents: usize,
    }
    let colours = Stance::ALL
        .iter()
        .map(|s| (s.as_str(), super::stance_colour(*s)))
        .collect();
    let data = Data {
        actor: actor_view,
        affiliation: body_view,
        colours,
        documents: g.documents.len(),
    };
    let legend: String = Stance::ALL
        .iter()
        .map(|s| format!(r#"<label class="stance"><input type="checkbox" data-stance="{0}" checked><span style="color:{1}">■</span> {0}</label>"#, s.as_str(), super::stance_colour(*s)))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stancegraph: who wants what</title>
<style>
{STYLE}
</style>
</head>
<body>
<header>
  <h1>Who wants what</h1>
  <div class="controls">
    <input id="actor-filter" type="search" placeholder="actor (any name or alias)" autocomplete="off">
    {legend}
    <label>min. evidence <input id="min-count" type="number" min="1" value="1"></label>
    <label>from <input id="since" type="date"></label>
    <label>to <input id="until" type="date"></label>
    <label><input id="level" type="checkbox"> countries and bodies</label>
    <button id="conflicts" type="button">conflicts</button>
    <button id="reset" type="button">reset</button>
  </div>
</header>
<main>
  <div id="canvas">
    <svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" data-width="{width:.0}" data-height="{height:.0}">
{svg_actor}{svg_body}    </svg>
  </div>
  <aside id="panel"><p class="hint">Click an edge for its evidence, an actor for its positions. Drag to pan, wheel to zoom.</p></aside>
</main>
<footer id="status"></footer>
<script type="application/json" id="sg-data">{}</script>
<script>
{SCRIPT}
</script>
</body>
</html>
"#,
        script_json(&data)
    )
}
