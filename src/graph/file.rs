//! The graph file's text: its records (the serde view of the versioned
//! file described in `docs/graph-format.md`) and the hand-written pretty
//! printer that lays evidence out as serde_json's would, without building a
//! JSON tree of a whole archive in memory.

use super::*;

/// The on-disk graph file (see `docs/graph-format.md`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub documents: Vec<DocumentInfo>,
    #[serde(default)]
    pub actors: Vec<ActorRecord>,
    #[serde(default)]
    pub contents: Vec<ContentRecord>,
    #[serde(default)]
    pub positions: Vec<PositionRecord>,
    #[serde(default)]
    pub affiliations: Vec<AffiliationRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActorRecord {
    pub id: String,
    #[serde(flatten)]
    pub actor: ActorNode,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContentRecord {
    pub id: String,
    #[serde(flatten)]
    pub content: ContentNode,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PositionRecord {
    pub actor: String,
    pub content: String,
    pub stance: Stance,
    pub count: usize,
    #[serde(default)]
    pub targets: BTreeMap<String, usize>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AffiliationRecord {
    pub member: String,
    pub body: String,
}

/// serde_json's pretty layout (two-space indent, `"key": value`), written
/// by hand into a buffer: an object or an array at nesting `depth`.
pub(super) struct Pretty<'o> {
    pub(super) out: &'o mut Vec<u8>,
    depth: usize,
    empty: bool,
    close: u8,
}

impl<'o> Pretty<'o> {
    pub(super) fn object(out: &'o mut Vec<u8>, depth: usize) -> Self {
        out.push(b'{');
        Pretty {
            out,
            depth,
            empty: true,
            close: b'}',
        }
    }

    pub(super) fn array(out: &'o mut Vec<u8>, depth: usize) -> Self {
        out.push(b'[');
        Pretty {
            out,
            depth,
            empty: true,
            close: b']',
        }
    }

    /// Starts the next member: a value of an array, or a key and its colon.
    pub(super) fn next(&mut self) {
        self.out
            .extend_from_slice(if self.empty { b"\n" } else { b",\n" });
        indent(self.out, self.depth + 1);
        self.empty = false;
    }

    pub(super) fn key(&mut self, key: &str) {
        self.next();
        crate::model::write_json_str(self.out, key);
        self.out.extend_from_slice(b": ");
    }

    pub(super) fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        crate::model::write_json_str(self.out, value);
    }

    pub(super) fn number(&mut self, key: &str, n: usize) {
        self.key(key);
        crate::model::push_decimal(self.out, n);
    }

    pub(super) fn end(self) {
        if !self.empty {
            self.out.push(b'\n');
            indent(self.out, self.depth);
        }
        self.out.push(self.close);
    }
}

pub(super) fn indent(out: &mut Vec<u8>, depth: usize) {
    for _ in 0..depth {
        out.extend_from_slice(b"  ");
    }
}

/// One stance edge of the graph file, at the depth of the positions array.
pub(super) fn write_position_pretty(
    out: &mut Vec<u8>,
    actor: usize,
    content: usize,
    stance: Stance,
    evidence: &[Cow<'_, Evidence>],
) {
    let mut p = Pretty::object(out, 2);
    p.key("actor");
    p.out.extend_from_slice(b"\"a");
    crate::model::push_decimal(p.out, actor);
    p.out.extend_from_slice(b"\"");
    p.key("content");
    p.out.extend_from_slice(b"\"c");
    crate::model::push_decimal(p.out, content);
    p.out.extend_from_slice(b"\"");
    p.str("stance", stance.as_str());
    p.number("count", evidence.len());
    let mut targets: BTreeMap<&str, usize> = BTreeMap::new();
    for t in evidence.iter().filter_map(|ev| ev.target.as_deref()) {
        *targets.entry(t).or_insert(0) += 1;
    }
    p.key("targets");
    let mut t = Pretty::object(p.out, 3);
    for (name, n) in targets {
        t.number(name, n);
    }
    t.end();
    p.key("evidence");
    let mut list = Pretty::array(p.out, 3);
    for ev in evidence {
        list.next();
        ev.write_json_pretty(list.out, 4);
    }
    list.end();
    p.end();
}

/// A writer that indents every line after the first one level (two spaces):
/// serde's pretty output of a value, nested one level into the file. (A JSON
/// string holds no raw newline, so each newline is the layout's.)
pub(super) struct Indented<W>(pub(super) W);

impl<W: std::io::Write> std::io::Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, mut buf: &[u8]) -> std::io::Result<()> {
        while let Some(i) = memchr::memchr(b'\n', buf) {
            self.0.write_all(&buf[..=i])?;
            self.0.write_all(b"  ")?;
            buf = &buf[i + 1..];
        }
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
