//! Text files too large to hold whole, read in parts.
//!
//! A regular file over [`DOC_CHUNK_BYTES`] is read twice, a block at a time:
//! once to check that it is text and to hash it (the hash identifies the
//! document, and `build` must know it before the first position arrives),
//! then again, handing out parts cut where the extractor cuts a long
//! document ([`chunk_len`]). Whatever the size of the file, memory holds a
//! part and a block; the output is what the same text given whole gives.
//! (Standard input and FIFOs cannot be read twice: they are read whole, and
//! the extractor chunks them.)

use super::{bad_record, check_block, parse_line, read_block};
use crate::error::{Error, Result};
use crate::graph::TextHasher;
use crate::model::{Document, Part};
use crate::sentences::{chunk_len, DOC_CHUNK_BYTES};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Bytes read from the file at a time.
const BLOCK_BYTES: usize = 64 << 10;

/// Whether a file of `len` bytes is read in parts.
pub(super) fn read_in_parts(len: u64) -> bool {
    len > DOC_CHUNK_BYTES as u64
}

/// A file's bytes decoded into text and cut into parts, a block at a time.
struct Cutter {
    /// The input as messages name it.
    path: PathBuf,
    file: File,
    lossy: bool,
    block: Vec<u8>,
    /// Bytes read and not yet decoded (a character cut by a block's end).
    raw: Vec<u8>,
    /// The offset in the file of `raw[0]`.
    raw_offset: usize,
    /// Text decoded and not yet handed out.
    text: String,
    eof: bool,
    /// The first byte replaced by U+FFFD (`--lossy`).
    repaired_at: Option<usize>,
}

impl Cutter {
    /// Opens the file at `at`, named `path` in messages (standard input
    /// spooled to a temporary file is named `<stdin>`).
    fn open(path: &Path, at: &Path, lossy: bool) -> Result<Self> {
        let file = File::open(at).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Cutter {
            path: path.to_path_buf(),
            file,
            lossy,
            block: vec![0; BLOCK_BYTES],
            raw: Vec::new(),
            raw_offset: 0,
            text: String::new(),
            eof: false,
            repaired_at: None,
        })
    }

    /// The next part's text, or `None` after the last.
    fn next_part(&mut self) -> Result<Option<String>> {
        while !self.eof && self.text.len() <= DOC_CHUNK_BYTES {
            self.fill()?;
        }
        if self.text.is_empty() {
            return Ok(None);
        }
        let rest = self.text.split_off(chunk_len(&self.text, DOC_CHUNK_BYTES));
        Ok(Some(std::mem::replace(&mut self.text, rest)))
    }

    /// Reads one block and decodes what it completes.
    fn fill(&mut self) -> Result<()> {
        let n = read_block(&self.path, &mut self.file, &mut self.block)?;
        if n == 0 {
            self.eof = true;
            return self.decode();
        }
        let chunk = &self.block[..n];
        check_block(&self.path, chunk, self.raw_offset + self.raw.len())?;
        self.raw.extend_from_slice(chunk);
        self.decode()
    }

    /// Moves the decodable bytes of `raw` to `text`: invalid UTF-8 is an
    /// error, or with `lossy` one U+FFFD per invalid sequence (as
    /// `String::from_utf8_lossy` repairs a whole file); a character cut by
    /// the end of the block waits for the next block.
    fn decode(&mut self) -> Result<()> {
        let mut i = 0;
        while i < self.raw.len() {
            let (valid, bad) = match std::str::from_utf8(&self.raw[i..]) {
                Ok(s) => (s.len(), None),
                Err(e) => (e.valid_up_to(), Some(e.error_len())),
            };
            let good = std::str::from_utf8(&self.raw[i..i + valid]).unwrap_or_default();
            self.text.push_str(good);
            i += valid;
            let len = match bad {
                None => break,
                Some(None) if !self.eof => break,
                Some(len) => len.unwrap_or(self.raw.len() - i),
            };
            let offset = self.raw_offset + i;
            if !self.lossy {
                return Err(Error::NotUtf8 {
                    path: self.path.clone(),
                    offset,
                });
            }
            self.repaired_at.get_or_insert(offset);
            self.text.push('\u{FFFD}');
            i += len;
        }
        self.raw.drain(..i);
        self.raw_offset += i;
        Ok(())
    }
}

/// What the first reading found: the whole text's hash and length.
struct Survey {
    hash: String,
    len: usize,
}

/// Reads the file through once, checking that it is text.
fn survey(path: &Path, at: &Path, lossy: bool) -> Result<(Survey, Option<usize>)> {
    let mut cutter = Cutter::open(path, at, lossy)?;
    let mut hash = TextHasher::default();
    let (mut len, mut blank) = (0, true);
    while let Some(text) = cutter.next_part()? {
        hash.update(text.as_bytes());
        len += text.len();
        blank = blank && text.trim().is_empty();
    }
    if blank {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let survey = Survey {
        hash: hash.finish(),
        len,
    };
    Ok((survey, cutter.repaired_at))
}

/// The parts of one document, as documents with [`Document::part`] set.
pub(super) struct Parts {
    cutter: Cutter,
    /// The input as messages name it.
    path: PathBuf,
    /// The document's id, date, source and title, for every part.
    template: Document,
    survey: Survey,
    /// The text handed out so far: its length and hash.
    offset: usize,
    hash: TextHasher,
    done: bool,
    /// A spooled copy of standard input or a FIFO, removed when the parts
    /// are done.
    _spool: Option<tempfile::NamedTempFile>,
}

impl Parts {
    /// Checks the file and opens it for its parts. With `lossy`, also the
    /// offset of the first byte that was not UTF-8, for a warning.
    pub(super) fn open(path: &Path, lossy: bool) -> Result<(Parts, Option<usize>)> {
        Self::open_at(
            path,
            path,
            Document::new(path.display().to_string(), ""),
            lossy,
            None,
        )
    }

    /// As [`Parts::open`], for a copy of standard input or a FIFO in
    /// `spool`, named `path` in messages and `id` in documents.
    pub(super) fn spooled(
        path: &Path,
        id: &str,
        spool: tempfile::NamedTempFile,
        lossy: bool,
    ) -> Result<(Parts, Option<usize>)> {
        let at = spool.path().to_path_buf();
        Self::open_at(path, &at, Document::new(id, ""), lossy, Some(spool))
    }

    fn open_at(
        path: &Path,
        at: &Path,
        template: Document,
        lossy: bool,
        spool: Option<tempfile::NamedTempFile>,
    ) -> Result<(Parts, Option<usize>)> {
        let (survey, repaired_at) = survey(path, at, lossy)?;
        let parts = Parts {
            cutter: Cutter::open(path, at, lossy)?,
            path: path.to_path_buf(),
            template,
            survey,
            offset: 0,
            hash: TextHasher::default(),
            done: false,
            _spool: spool,
        };
        Ok((parts, repaired_at))
    }

    fn changed(&mut self) -> Error {
        self.done = true;
        Error::Usage(format!(
            "{}: the file changed while it was read",
            self.path.display()
        ))
    }
}

impl Iterator for Parts {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        if self.done {
            return None;
        }
        let text = match self.cutter.next_part() {
            Ok(Some(text)) => text,
            Ok(None) => {
                self.done = true;
                let same = self.offset == self.survey.len && self.hash.finish() == self.survey.hash;
                return (!same).then(|| Err(self.changed()));
            }
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        self.hash.update(text.as_bytes());
        let offset = self.offset;
        self.offset += text.len();
        if self.offset > self.survey.len {
            return Some(Err(self.changed()));
        }
        let part = Part {
            offset,
            first: offset == 0,
            last: self.offset == self.survey.len,
            hash: self.survey.hash.clone(),
        };
        Some(Ok(Document {
            text,
            part: Some(part),
            ..self.template.clone()
        }))
    }
}

/// A JSON Lines record with its text left as JSON, so that a line of
/// hundreds of megabytes is not held twice (as the line and as the text).
#[derive(serde::Deserialize)]
struct RawRecord<'a> {
    id: String,
    #[serde(borrow)]
    text: &'a serde_json::value::RawValue,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// The parts of a record whose line is too large to decode whole: its
/// text is decoded a piece at a time into a temporary file, read in parts.
pub(super) fn record_parts(path: &Path, line_no: usize, line: &str) -> Result<Parts> {
    let bad = |message: String| bad_record(path, line_no, message);
    let record = parse_line(path, line_no, line, |r: &RawRecord| &r.id)?;
    let raw = record.text.get();
    let Some(raw) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) else {
        return Err(bad("not a document record: \"text\" is not a string".into()));
    };
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut spool = tempfile::NamedTempFile::new().map_err(io)?;
    let mut start = 0;
    while start < raw.len() {
        let end = escape_end(raw, start + DOC_CHUNK_BYTES);
        let piece: String = serde_json::from_str(&format!("\"{}\"", &raw[start..end]))
            .map_err(|e| bad(format!("not a document record: {e}")))?;
        if piece.contains('\0') {
            return Err(bad("binary text (NUL character)".into()));
        }
        std::io::Write::write_all(&mut spool, piece.as_bytes()).map_err(io)?;
        start = end;
    }
    let mut template = Document::new(record.id.clone(), "");
    (template.date, template.source, template.title) = (record.date, record.source, record.title);
    let at = spool.path().to_path_buf();
    Ok(Parts::open_at(path, &at, template, false, Some(spool))?.0)
}

/// The first place at or after `at` in the inside of a JSON string where
/// no escape sequence is cut (a surrogate pair, `\ud83d\ude00`, counts as
/// one), or the end.
fn escape_end(raw: &str, at: usize) -> usize {
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if i >= at && raw.is_char_boundary(i) {
            return i;
        }
        i += match b[i] {
            b'\\' if b.get(i + 1) == Some(&b'u') => {
                let high = raw
                    .get(i + 2..i + 6)
                    .and_then(|h| u16::from_str_radix(h, 16).ok());
                let pair = high.is_some_and(|h| (0xD800..0xDC00).contains(&h))
                    && raw.get(i + 6..i + 8) == Some("\\u");
                if pair {
                    12
                } else {
                    6
                }
            }
            b'\\' => 2,
            _ => 1,
        };
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_of(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    fn parts_of(bytes: &[u8], lossy: bool) -> Result<Vec<Document>> {
        let f = file_of(bytes);
        let (parts, _) = Parts::open(f.path(), lossy)?;
        parts.collect()
    }

    #[test]
    fn parts_join_to_the_text_and_cut_where_the_extractor_cuts() {
        let para = "Kyiv demands the return of territory — “now”, she said.\n";
        let text = para.repeat(3 * DOC_CHUNK_BYTES / para.len());
        let docs = parts_of(text.as_bytes(), false).unwrap();
        assert!(docs.len() >= 3);
        let mut start = 0;
        for (i, d) in docs.iter().enumerate() {
            let p = d.part.as_ref().unwrap();
            assert_eq!(p.offset, start);
            assert_eq!(d.text.len(), chunk_len(&text[start..], DOC_CHUNK_BYTES));
            assert_eq!((p.first, p.last), (i == 0, i + 1 == docs.len()));
            assert_eq!(p.hash, crate::graph::text_hash(&text));
            start += d.text.len();
        }
        assert_eq!(start, text.len());
    }

    #[test]
    fn a_large_record_is_decoded_in_pieces_that_cut_no_escape() {
        let text = "\"Q\" \\ é 😀\n".repeat(DOC_CHUNK_BYTES / 4);
        let line = serde_json::json!({"id": "r", "text": text, "date": "2024-01-02"}).to_string();
        let parts = record_parts(Path::new("d.jsonl"), 3, &line).unwrap();
        let docs: Vec<Document> = parts.collect::<Result<_>>().unwrap();
        assert!(docs.len() > 1);
        let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(docs[1].date.as_deref(), Some("2024-01-02"));
        assert_eq!(
            docs[0].part.as_ref().unwrap().hash,
            crate::graph::text_hash(&text)
        );
        let e = record_parts(Path::new("d.jsonl"), 3, r#"{"id":"r","text":7}"#)
            .err()
            .unwrap();
        assert!(
            e.to_string()
                .starts_with("d.jsonl: line 3: not a document record"),
            "{e}"
        );
        for raw in [r"ab\u00e9cd", r"\ud83d\ude00\ud83d\ude00", r"\\\\\n"] {
            for at in 0..raw.len() {
                let end = escape_end(raw, at);
                let s: std::result::Result<String, _> =
                    serde_json::from_str(&format!("\"{}\"", &raw[..end]));
                assert!(s.is_ok(), "{raw} cut at {end}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        /// Whatever the bytes, reading in parts never panics, and either
        /// refuses them or hands out exactly the text (repaired with
        /// `lossy`) with every part placed where it lies.
        #[test]
        fn parts_are_the_text_or_an_error(
            piece in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..64),
            text in "[a-z \"\\\\\n\u{1}é😀\u{2028}]{1,64}",
            lossy in proptest::prelude::any::<bool>(),
        ) {
            let mut bytes = text.as_bytes().repeat(DOC_CHUNK_BYTES / text.len() + 2);
            let at = bytes.len() / 3;
            bytes.splice(at..at, piece.iter().copied());
            let expected = if lossy {
                Some(String::from_utf8_lossy(&bytes).into_owned())
            } else {
                String::from_utf8(bytes.clone()).ok()
            };
            match parts_of(&bytes, lossy) {
                Ok(docs) => {
                    let mut offset = 0;
                    for d in &docs {
                        proptest::prop_assert_eq!(d.part.as_ref().unwrap().offset, offset);
                        offset += d.text.len();
                    }
                    let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
                    proptest::prop_assert_eq!(Some(joined), expected);
                }
                Err(_) => proptest::prop_assert!(
                    expected.is_none() || bytes.contains(&0) || bytes.starts_with(&[0xFF, 0xFE])
                        || bytes.starts_with(&[0xFE, 0xFF])
                ),
            }
            let big = text.repeat(DOC_CHUNK_BYTES / text.len() + 2);
            if big.trim().is_empty() {
                return Ok(());
            }
            let line = serde_json::json!({"id": "r", "text": big}).to_string();
            let docs: Vec<Document> = record_parts(Path::new("r.jsonl"), 1, &line)
                .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?
                .collect::<Result<_>>()
                .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
            proptest::prop_assert_eq!(joined, big);
        }
    }

    #[test]
    fn a_line_with_no_break_is_cut_at_a_character_boundary() {
        let text = "é".repeat(DOC_CHUNK_BYTES);
        let docs = parts_of(text.as_bytes(), false).unwrap();
        let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn bad_bytes_are_refused_with_their_offset_or_repaired() {
        let mut bytes = b"word ".repeat(DOC_CHUNK_BYTES / 2);
        bytes.extend_from_slice(b"ab\xffcd \xe2\x82");
        let e = parts_of(&bytes, false).unwrap_err().to_string();
        assert!(
            e.ends_with(&format!(
                "(invalid byte at offset {})",
                5 * (DOC_CHUNK_BYTES / 2) + 2
            )),
            "{e}"
        );
        let docs = parts_of(&bytes, true).unwrap();
        let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(joined, String::from_utf8_lossy(&bytes));
        bytes.push(0);
        let e = parts_of(&bytes, true).unwrap_err().to_string();
        assert!(e.contains("binary file (NUL byte at offset"), "{e}");
        let e = parts_of(&b" \n".repeat(DOC_CHUNK_BYTES), false).unwrap_err();
        assert!(e.to_string().ends_with("empty input"));
    }
}
