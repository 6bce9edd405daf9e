//! The negotiation diagram: issues in the middle, the actors who take a
//! stance on them on either side, edges coloured by stance, with a title and
//! a legend, on one page (at most 1600 × 1200 px, text at least 11 px).
//!
//! The layout is computed here once, in pixels, and then written two ways:
//! as SVG by our own writer (the built-in engine) and as DOT with every node
//! and edge pinned, which Graphviz draws with `neato -n2` as SVG, PNG or PDF
//! (at 72 dpi, one point is one pixel). Both engines draw the same picture.
//!
//! Layout: the chosen issues are stacked in the middle column, each given a
//! slot of height in proportion to its actors. An actor sits at the mean
//! height of its issues (weighted by evidence), on the left or right
//! alternately in that order, and a one-dimensional sweep removes overlaps.
//! An issue where one actor wants what another rejects is outlined red.

use super::{attr, dot_quote, edge, node, plain, shorten, stance_colour};
use crate::issues::{Issue, Issues};
use crate::model::Stance;
use graphviz_rust::dot_structures::{Id, Stmt};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The page.
pub const MAX_WIDTH: f64 = 1600.0;
pub const MAX_HEIGHT: f64 = 1200.0;
const TOP: f64 = 78.0;
const BOTTOM: f64 = 44.0;
const ACTOR_W: f64 = 230.0;
const ACTOR_H: f64 = 18.0;
const ROW: f64 = 22.0;
const LEFT_X: f64 = 20.0;
const RIGHT_X: f64 = MAX_WIDTH - 20.0 - ACTOR_W;
const ISSUE_X: f64 = 540.0;
const ISSUE_W: f64 = MAX_WIDTH - 2.0 * ISSUE_X;
const ISSUE_LINE: f64 = 16.0;
const FONT: f64 = 12.0;
const CONTESTED: &str = "#d62728";

/// Which issues a diagram shows.
#[derive(Debug, Clone, Default)]
pub struct DiagramOptions {
    /// At most this many issues, those with most actors first.
    pub top: usize,
    /// Issues by id (`i3`) or by a word of their label.
    pub issues: Vec<String>,
    /// Issues whose label, terms or contents mention this.
    pub about: Vec<String>,
    /// Issues these actors take a stance on.
    pub actors: Vec<String>,
    /// The title; by default one that says what is shown.
    pub title: Option<String>,
    /// Documents in the graph, for the subtitle.
    pub documents: usize,
}

/// A box on the page.
#[derive(Debug, Clone)]
struct Boxed {
    id: String,
    label: Vec<String>,
    tooltip: String,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    fill: &'static str,
    stroke: &'static str,
}

/// A stance edge from an actor to an issue: a cubic Bézier curve.
#[derive(Debug, Clone)]
struct Link {
    from: String,
    to: String,
    stance: Stance,
    count: usize,
    points: [(f64, f64); 4],
}

/// A laid-out diagram, in pixels from the top left.
#[derive(Debug, Clone)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    title: String,
    subtitle: String,
    issues: Vec<Boxed>,
    actors: Vec<Boxed>,
    links: Vec<Link>,
}

fn matches_issue(i: &Issue, wanted: &str) -> bool {
    let w = wanted.to_lowercase();
    i.id.eq_ignore_ascii_case(wanted) || i.label.to_lowercase().contains(&w)
}

fn mentions(i: &Issue, about: &str) -> bool {
    let a = about.to_lowercase();
    i.label.to_lowercase().contains(&a)
        || i.terms.iter().any(|t| t.to_lowercase().contains(&a))
        || i.contents.keys().any(|c| c.to_lowercase().contains(&a))
}

/// The issues `opts` chooses, most actors first.
fn choose<'i>(issues: &'i Issues, opts: &DiagramOptions) -> Vec<&'i Issue> {
    let mut chosen: Vec<&Issue> = issues
        .list
        .iter()
        .filter(|i| opts.issues.is_empty() || opts.issues.iter().any(|w| matches_issue(i, w)))
        .filter(|i| opts.about.is_empty() || opts.about.iter().any(|a| mentions(i, a)))
        .filter(|i| {
            opts.actors.is_empty()
                || opts.actors.iter().any(|a| {
                    i.actors
                        .keys()
                        .any(|name| name.to_lowercase() == a.to_lowercase())
                })
        })
        .collect();
    chosen.sort_by(|a, b| {
        b.actors
            .len()
            .cmp(&a.actors.len())
            .then(b.positions.cmp(&a.positions))
            .then(a.id.cmp(&b.id))
    });
    if opts.top > 0 {
        chosen.truncate(opts.top);
    }
    chosen
}

/// Whether someone wants what someone else rejects.
fn contested(i: &Issue) -> bool {
    let wants = |s: &BTreeMap<Stance, usize>| {
        s.keys()
            .any(|k| matches!(k, Stance::Demand | Stance::Propose | Stance::Support))
    };
    let rejects = |s: &BTreeMap<Stance, usize>| s.contains_key(&Stance::Reject);
    i.actors
        .iter()
        .any(|(a, s)| wants(s) && i.actors.iter().any(|(b, t)| a != b && rejects(t)))
}

/// Break `text` into at most `lines` lines of `width` characters.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > lines {
        let rest = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        out.push(rest);
    }
    out.into_iter().map(|l| shorten(&l, width)).collect()
}

/// Spread `wanted` heights apart by at least `gap`, within `[lo, hi]`,
/// keeping the order: a sweep down, then one up from the bottom.
pub(super) fn spread(wanted: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut y: Vec<f64> = Vec::with_capacity(wanted.len());
    for &w in wanted {
        let min = y.last().map_or(lo, |p| p + gap);
        y.push(w.max(min));
    }
    let mut max = hi;
    for v in y.iter_mut().rev() {
        *v = v.min(max);
        max = *v - gap;
    }
    y
}

/// "1 actor", "2 actors".
fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// An issue's label in lines.
fn issue_label(label: &str) -> Vec<String> {
    wrap(label, (ISSUE_W / (FONT * 0.56)) as usize, 2)
}

/// An issue box's height: its label and a line of counts.
fn issue_height(label: &str) -> f64 {
    issue_label(label).len() as f64 * ISSUE_LINE + 22.0
}

/// Lay out the diagram of `issues`.
pub fn layout(issues: &Issues, opts: &DiagramOptions) -> Result<Diagram, String> {
    let mut chosen = choose(issues, opts);
    if chosen.is_empty() {
        return Err("no issue matches: nothing to draw (see `stancegraph issues`)".into());
    }
    // as many issues as the middle column holds
    let matched = chosen.len();
    let mut stack = 0.0;
    let fits = chosen
        .iter()
        .take_while(|i| {
            stack += issue_height(&i.label) + 16.0;
            stack <= MAX_HEIGHT - TOP - BOTTOM
        })
        .count();
    chosen.truncate(fits.max(1));
    // actors, with most evidence on the chosen issues first
    let mut weight: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &chosen {
        for (a, s) in &i.actors {
            *weight.entry(a).or_default() += s.values().sum::<usize>();
        }
    }
    let body = MAX_HEIGHT - TOP - BOTTOM;
    let per_side = (body / ROW).floor() as usize;
    let mut ranked: Vec<(&str, usize)> = weight.iter().map(|(a, n)| (*a, *n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total_actors = ranked.len();
    ranked.truncate(2 * per_side);
    let kept: BTreeMap<&str, usize> = ranked.iter().copied().collect();

    // the page is as tall as its content needs
    let rows = kept.len().div_ceil(2);
    let issue_lines: Vec<Vec<String>> = chosen.iter().map(|i| issue_label(&i.label)).collect();
    let issue_h: Vec<f64> = chosen.iter().map(|i| issue_height(&i.label)).collect();
    let stack: f64 = issue_h.iter().sum::<f64>() + 16.0 * chosen.len() as f64;
    let needed = (rows as f64 * ROW).max(stack).max(240.0);
    let height = (TOP + needed + BOTTOM).min(MAX_HEIGHT).ceil();
    let body = height - TOP - BOTTOM;

    let issue_boxes = issue_boxes(&chosen, &kept, body, &issue_h, &issue_lines);
    let actor_boxes = actor_boxes(&chosen, &kept, &issue_boxes, body);

    let links = links(&chosen, &issue_boxes, &actor_boxes);
    let shown_actors = actor_boxes.len();
    let what = if !opts.issues.is_empty() || !opts.about.is_empty() || !opts.actors.is_empty() {
        format!("{} chosen", counted(chosen.len(), "issue"))
    } else {
        format!("the {} issues with most actors", chosen.len())
    };
    let what = if chosen.len() < matched {
        format!("{what} (of {matched} that match; more do not fit the page)")
    } else {
        what
    };
    let mut subtitle = format!("{what} · {}", counted(opts.documents, "document"));
    if shown_actors < total_actors {
        let _ = write!(
            subtitle,
            " · the {shown_actors} of {total_actors} actors with most evidence"
        );
    }
    let mut actors: Vec<Boxed> = actor_boxes.into_values().collect();
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Diagram {
        width: MAX_WIDTH,
        height,
        title: opts
            .title
            .clone()
            .unwrap_or_else(|| "Who wants what: positions on the issues".into()),
        subtitle,
        issues: issue_boxes,
        actors,
        links,
    })
}

/// The issue boxes of the middle column: slots in proportion to their kept
/// actors, spread so that none overlaps.
fn issue_boxes(
    chosen: &[&Issue],
    kept: &BTreeMap<&str, usize>,
    body: f64,
    issue_h: &[f64],
    issue_lines: &[Vec<String>],
) -> Vec<Boxed> {
    let share: Vec<f64> = chosen
        .iter()
        .map(|i| {
            i.actors
                .keys()
                .filter(|a| kept.contains_key(a.as_str()))
                .count()
                .max(2) as f64
        })
        .collect();
    let share_sum: f64 = share.iter().sum();
    let mut centres = Vec::new();
    let mut at = TOP;
    for s in &share {
        let slot = body * s / share_sum;
        centres.push(at + slot / 2.0);
        at += slot;
    }
    let centres = spread(&centres, 0.0, TOP, TOP + body);
    let mut boxes_y = Vec::new();
    let mut min_top = TOP;
    for (c, h) in centres.iter().zip(issue_h) {
        let y = (c - h / 2.0).max(min_top);
        boxes_y.push(y);
        min_top = y + h + 12.0;
    }
    let mut max_bottom = TOP + body;
    for (y, h) in boxes_y.iter_mut().zip(issue_h).rev() {
        *y = y.min(max_bottom - h);
        max_bottom = *y - 12.0;
    }
    let mut issue_boxes = Vec::new();
    for (k, i) in chosen.iter().enumerate() {
        let docs = i.documents.len();
        let mut label = issue_lines[k].clone();
        label.push(format!(
            "{} · {} · {}",
            counted(i.actors.len(), "actor"),
            counted(i.positions, "position"),
            counted(docs, "document")
        ));
        issue_boxes.push(Boxed {
            id: format!("issue_{k}"),
            tooltip: format!("{}: {}", i.id, i.label),
            label,
            x: ISSUE_X,
            y: boxes_y[k],
            w: ISSUE_W,
            h: issue_h[k],
            fill: "#f7f7f7",
            stroke: if contested(i) { CONTESTED } else { "#555555" },
        });
    }
    issue_boxes
}

/// The actor boxes: each at the weighted mean height of its issues,
/// alternately left and right.
fn actor_boxes<'a>(
    chosen: &[&Issue],
    kept: &BTreeMap<&'a str, usize>,
    issue_boxes: &[Boxed],
    body: f64,
) -> BTreeMap<&'a str, Boxed> {
    let mut bary: Vec<(f64, &str)> = kept
        .keys()
        .map(|a| {
            let (mut sum, mut n) = (0.0, 0.0);
            for (k, i) in chosen.iter().enumerate() {
                if let Some(s) = i.actors.get(*a) {
                    let w = s.values().sum::<usize>() as f64;
                    sum += w * (issue_boxes[k].y + issue_boxes[k].h / 2.0);
                    n += w;
                }
            }
            (sum / n.max(1.0), *a)
        })
        .collect();
    bary.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(y.1)));
    let mut actor_boxes: BTreeMap<&str, Boxed> = BTreeMap::new();
    for (side, x) in [(0, LEFT_X), (1, RIGHT_X)] {
        let mine: Vec<&(f64, &str)> = bary.iter().skip(side).step_by(2).collect();
        let wanted: Vec<f64> = mine.iter().map(|(y, _)| y - ACTOR_H / 2.0).collect();
        let ys = spread(&wanted, ROW, TOP, TOP + body - ACTOR_H);
        for ((_, a), y) in mine.iter().zip(ys) {
            let k = actor_boxes.len();
            actor_boxes.insert(
                a,
                Boxed {
                    id: format!("actor_{k}"),
                    label: vec![shorten(a, (ACTOR_W / (FONT * 0.56)) as usize - 2)],
                    tooltip: a.to_string(),
                    x,
                    y,
                    w: ACTOR_W,
                    h: ACTOR_H,
                    fill: "#fff2cc",
                    stroke: "#888888",
                },
            );
        }
    }
    actor_boxes
}

/// One curve per actor, issue and stance; the ends on an issue's side are
/// spread along it in the order of the actors' heights.
fn links(chosen: &[&Issue], issue_boxes: &[Boxed], actors: &BTreeMap<&str, Boxed>) -> Vec<Link> {
    let mut out = Vec::new();
    for (k, i) in chosen.iter().enumerate() {
        let ib = &issue_boxes[k];
        for (left, in_x) in [(true, ib.x), (false, ib.x + ib.w)] {
            let mut ends: Vec<(&Boxed, Stance, usize)> = i
                .actors
                .iter()
                .filter_map(|(a, s)| actors.get(a.as_str()).map(|b| (b, s)))
                .filter(|(b, _)| (b.x < ISSUE_X) == left)
                .flat_map(|(b, s)| s.iter().map(move |(st, n)| (b, *st, *n)))
                .collect();
            ends.sort_by(|x, y| x.0.y.total_cmp(&y.0.y).then(x.1.cmp(&y.1)));
            let n = ends.len().max(1) as f64;
            for (j, (b, stance, count)) in ends.into_iter().enumerate() {
                let y2 = ib.y + 6.0 + (ib.h - 12.0) * (j as f64 + 0.5) / n;
                let y1 = b.y + b.h / 2.0;
                let x1 = if left { b.x + b.w } else { b.x };
                let mid = (x1 + in_x) / 2.0;
                out.push(Link {
                    from: b.id.clone(),
                    to: ib.id.clone(),
                    stance,
                    count,
                    points: [(x1, y1), (mid, y1), (mid, y2), (in_x, y2)],
                });
            }
        }
    }
    out
}

fn stroke_width(count: usize) -> f64 {
    (1.4 + (count as f64).ln() * 1.2).min(6.0)
}

/// The stances drawn, in the legend's order.
fn legend_stances(d: &Diagram) -> Vec<Stance> {
    Stance::ALL
        .iter()
        .copied()
        .filter(|s| d.links.iter().any(|l| l.stance == *s))
        .collect()
}

impl Diagram {
    /// The diagram as SVG, drawn by our own writer.
    pub fn to_svg(&self) -> String {
        use super::escape_text as esc;
        let (w, h) = (self.width, self.height);
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif">"#
        );
        let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
        let _ = writeln!(
            s,
            r#"<text x="{:.0}" y="32" font-size="20" text-anchor="middle" font-weight="bold">{}</text>"#,
            w / 2.0,
            esc(&self.title)
        );
        let _ = writeln!(
            s,
            r##"<text x="{:.0}" y="54" font-size="12" text-anchor="middle" fill="#444444">{}</text>"##,
            w / 2.0,
            esc(&self.subtitle)
        );
        for l in &self.links {
            let [(x1, y1), (c1, d1), (c2, d2), (x2, y2)] = l.points;
            let _ = writeln!(
                s,
                r#"<path d="M{x1:.1},{y1:.1} C{c1:.1},{d1:.1} {c2:.1},{d2:.1} {x2:.1},{y2:.1}" fill="none" stroke="{}" stroke-width="{:.2}" opacity="0.8"><title>{} ×{}</title></path>"#,
                stance_colour(l.stance),
                stroke_width(l.count),
                l.stance,
                l.count
            );
        }
        for b in self.issues.iter().chain(&self.actors) {
            let _ = write!(
                s,
                r#"<g><title>{}</title><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="5" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                esc(&b.tooltip),
                b.x,
                b.y,
                b.w,
                b.h,
                b.fill,
                b.stroke,
                if b.stroke == CONTESTED { 2 } else { 1 }
            );
            let n = b.label.len();
            for (k, line) in b.label.iter().enumerate() {
                let meta = b.h > ACTOR_H && k + 1 == n;
                let y = b.y + b.h / 2.0 + (k as f64 - (n as f64 - 1.0) / 2.0) * ISSUE_LINE + 4.0;
                let _ = write!(
                    s,
                    r##"<text x="{:.1}" y="{y:.1}" font-size="{}" text-anchor="middle"{}>{}</text>"##,
                    b.x + b.w / 2.0,
                    if meta { 11 } else { 12 },
                    if meta { r##" fill="#555555""## } else { "" },
                    esc(line)
                );
            }
            s.push_str("</g>\n");
        }
        let mut x = 20.0;
        let y = h - 18.0;
        for st in legend_stances(self) {
            let _ = writeln!(
                s,
                r#"<line x1="{x:.0}" y1="{:.0}" x2="{:.0}" y2="{:.0}" stroke="{}" stroke-width="3"/><text x="{:.0}" y="{y:.0}" font-size="12">{st}</text>"#,
                y - 4.0,
                x + 24.0,
                y - 4.0,
                stance_colour(st),
                x + 30.0
            );
            x += 110.0;
        }
        let _ = writeln!(
            s,
            r#"<rect x="{x:.0}" y="{:.0}" width="24" height="12" rx="3" fill="none" stroke="{CONTESTED}" stroke-width="2"/><text x="{:.0}" y="{y:.0}" font-size="12">contested: one side wants what another rejects</text>"#,
            y - 10.0,
            x + 30.0
        );
        s.push_str("</svg>\n");
        s
    }

    /// The diagram as DOT with every position pinned, for `neato -n2`
    /// (Graphviz's y axis points up, so heights are flipped).
    pub fn to_dot(&self) -> String {
        let h = self.height;
        let pt = |x: f64, y: f64| format!("{x:.1},{:.1}", h - y);
        let inch = |v: f64| Id::Plain(format!("{:.4}", v / 72.0));
        let mut stmts = vec![
            Stmt::Attribute(attr("layout", plain("neato"))),
            Stmt::Attribute(attr("dpi", plain("72"))),
            Stmt::Attribute(attr("pad", plain("0"))),
            Stmt::Attribute(attr(
                "bb",
                dot_quote(&format!("0,0,{:.0},{:.0}", self.width, h)),
            )),
            Stmt::Attribute(attr("outputorder", plain("edgesfirst"))),
            Stmt::Attribute(attr("fontname", dot_quote("Helvetica"))),
        ];
        let text = |id: &str, label: &str, x: f64, y: f64, size: u32, colour: &str| {
            node(
                id,
                vec![
                    attr("shape", plain("plaintext")),
                    attr("label", dot_quote(label)),
                    attr("pos", dot_quote(&pt(x, y))),
                    attr("fontsize", plain(&size.to_string())),
                    attr("fontcolor", dot_quote(colour)),
                    attr("fontname", dot_quote("Helvetica")),
                    attr("width", plain("0.1")),
                    attr("height", plain("0.1")),
                ],
            )
        };
        // the page's corners fix its size
        for (id, x, y) in [("corner_0", 0.0, 0.0), ("corner_1", self.width, h)] {
            stmts.push(node(
                id,
                vec![
                    attr("shape", plain("point")),
                    attr("style", plain("invis")),
                    attr("width", plain("0")),
                    attr("pos", dot_quote(&pt(x, y))),
                ],
            ));
        }
        stmts.push(text(
            "title",
            &self.title,
            self.width / 2.0,
            26.0,
            20,
            "#000000",
        ));
        stmts.push(text(
            "subtitle",
            &self.subtitle,
            self.width / 2.0,
            50.0,
            12,
            "#444444",
        ));
        for b in self.issues.iter().chain(&self.actors) {
            stmts.push(node(
                &b.id,
                vec![
                    attr("shape", plain("box")),
                    attr("style", dot_quote("rounded,filled")),
                    attr("fixedsize", plain("true")),
                    attr("width", inch(b.w)),
                    attr("height", inch(b.h)),
                    attr("pos", dot_quote(&pt(b.x + b.w / 2.0, b.y + b.h / 2.0))),
                    attr("label", dot_quote(&b.label.join("\n"))),
                    attr("tooltip", dot_quote(&b.tooltip)),
                    attr("fillcolor", dot_quote(b.fill)),
                    attr("color", dot_quote(b.stroke)),
                    attr(
                        "penwidth",
                        plain(if b.stroke == CONTESTED { "2" } else { "1" }),
                    ),
                    attr("fontsize", plain("12")),
                    attr("fontname", dot_quote("Helvetica")),
                ],
            ));
        }
        for l in &self.links {
            let pos: Vec<String> = l.points.iter().map(|(x, y)| pt(*x, *y)).collect();
            stmts.push(edge(
                &l.from,
                &l.to,
                vec![
                    attr("pos", dot_quote(&pos.join(" "))),
                    attr("color", dot_quote(stance_colour(l.stance))),
                    attr("penwidth", plain(&format!("{:.2}", stroke_width(l.count)))),
                    attr("arrowhead", plain("none")),
                    attr("tooltip", dot_quote(&format!("{} ×{}", l.stance, l.count))),
                ],
            ));
        }
        let mut x = 20.0;
        for (k, st) in legend_stances(self).into_iter().enumerate() {
            stmts.push(text(
                &format!("legend_{k}"),
                &format!("━━ {st}"),
                x + 40.0,
                h - 22.0,
                12,
                stance_colour(st),
            ));
            x += 110.0;
        }
        stmts.push(text(
            "legend_contested",
            "red outline: contested (one side wants what another rejects)",
            x + 190.0,
            h - 22.0,
            12,
            CONTESTED,
        ));
        super::print_digraph(stmts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_keeps_order_and_gap_within_bounds() {
        let y = spread(&[5.0, 5.0, 5.0, 100.0], 10.0, 0.0, 100.0);
        assert_eq!(y, vec![5.0, 15.0, 25.0, 100.0]);
        let y = spread(&[90.0, 95.0, 99.0], 10.0, 0.0, 100.0);
        assert_eq!(y, vec![80.0, 90.0, 100.0]);
    }

    #[test]
    fn wrap_keeps_every_word_within_the_lines() {
        assert_eq!(wrap("a b c", 3, 2), vec!["a b", "c"]);
        let w = wrap("one two three four five six", 8, 2);
        assert_eq!(w.len(), 2);
        assert!(w[1].ends_with('…'), "{w:?}");
    }
}
