//! Input stage: turns paths (files, folders, `-` for standard input) into
//! [`Document`]s.
//!
//! Receives: the paths the user named. Returns: a stream of documents, one
//! `Result` each, so that one bad file is reported and the others still go
//! through. Must never: hold more than one document (or one JSON Lines
//! record, or one part of a large file) in memory at a time, follow a symlink loop, or accept text that is
//! not UTF-8.
//!
//! A text file over [`crate::sentences::DOC_CHUNK_BYTES`] comes as several
//! documents, its parts ([`crate::model::Part`]), so that no file is held
//! whole (see `parts.rs`).
//!
//! Folders are walked recursively in name order for `.txt`, `.md` and
//! `.jsonl` files. A `.jsonl` file (or `--jsonl` standard input) holds one
//! document per line: `{"id", "text", "date", "source", "title"}`.

mod parts;

use crate::error::{Error, Result};
use crate::model::Document;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Extensions picked up when walking a folder.
pub const TEXT_EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// The name standard input goes by in documents and messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Check that raw bytes are text and turn them into a `String`, naming
/// `path` in the error.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    decode_text_with(path, bytes, false).map(|(t, _)| t)
}

/// As [`decode_text`]; with `lossy`, invalid UTF-8 is replaced by U+FFFD
/// instead of refused, and the offset of the first invalid byte is returned
/// for a warning. (Spans then address the repaired text.)
pub fn decode_text_with(
    path: &Path,
    bytes: Vec<u8>,
    lossy: bool,
) -> Result<(String, Option<usize>)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(utf16_error(path));
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let (text, repaired) = match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) if lossy => {
            let offset = e.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(offset),
            )
        }
        Err(e) => {
            return Err(Error::NotUtf8 {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
            })
        }
    };
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((text, repaired))
}

fn utf16_error(path: &Path) -> Error {
    Error::Usage(format!(
        "{}: UTF-16 text (byte-order mark); convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)",
        path.display()
    ))
}

/// All of `reader`'s bytes, refused as soon as they show they are not text:
/// a UTF-16 byte-order mark in the first block, or a NUL byte in any block.
/// A 1 GB file of zeros (or a FIFO fed from /dev/urandom) is refused after
/// its first 64 KB, not after all of it has been read into memory.
pub fn read_text_bytes(path: &Path, reader: impl Read) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    read_blocks(path, reader, |chunk| {
        bytes.extend_from_slice(chunk);
        Ok(())
    })?;
    Ok(bytes)
}

/// Hands `reader`'s bytes to `take` a 64 KB block at a time, with the
/// checks of [`read_text_bytes`].
fn read_blocks(
    path: &Path,
    mut reader: impl Read,
    mut take: impl FnMut(&[u8]) -> std::io::Result<()>,
) -> Result<()> {
    let mut block = vec![0u8; 64 << 10];
    let mut read = 0;
    loop {
        let n = read_block(path, &mut reader, &mut block)?;
        if n == 0 {
            return Ok(());
        }
        let chunk = &block[..n];
        check_block(path, chunk, read)?;
        take(chunk).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        read += n;
    }
}

/// One read of `reader` into `block` (retried when interrupted): the number
/// of bytes read, 0 at the end.
fn read_block(path: &Path, reader: &mut impl Read, block: &mut [u8]) -> Result<usize> {
    loop {
        match reader.read(block) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        }
    }
}

/// Refuses a block that shows its stream is not text: a UTF-16 byte-order
/// mark at the start of the stream (`offset`, the bytes before the block,
/// is 0), or a NUL byte anywhere.
fn check_block(path: &Path, chunk: &[u8], offset: usize) -> Result<()> {
    if offset == 0 && (chunk.starts_with(&[0xFF, 0xFE]) || chunk.starts_with(&[0xFE, 0xFF])) {
        return Err(utf16_error(path));
    }
    match memchr::memchr(0, chunk) {
        Some(at) => Err(Error::Binary {
            path: path.to_path_buf(),
            offset: offset + at,
        }),
        None => Ok(()),
    }
}

/// A stream's bytes (standard input, a FIFO): in memory, or past
/// [`crate::sentences::DOC_CHUNK_BYTES`] in a temporary file, to be read in
/// parts as a large file is.
enum Spooled {
    Bytes(Vec<u8>),
    File(tempfile::NamedTempFile),
}

fn read_or_spool(path: &Path, reader: impl Read) -> Result<Spooled> {
    use std::io::Write;
    let mut bytes = Vec::new();
    let mut file: Option<tempfile::NamedTempFile> = None;
    read_blocks(path, reader, |chunk| {
        if let Some(f) = file.as_mut() {
            return f.write_all(chunk);
        }
        bytes.extend_from_slice(chunk);
        if parts::read_in_parts(bytes.len() as u64) {
            let mut f = tempfile::NamedTempFile::new()?;
            f.write_all(&bytes)?;
            bytes = Vec::new();
            file = Some(f);
        }
        Ok(())
    })?;
    Ok(match file {
        Some(f) => Spooled::File(f),
        None => Spooled::Bytes(bytes),
    })
}

/// Read one plain-text file into a document whose id is the path as given.
pub fn read_text_file(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = decode_text(path, bytes)?;
    Ok(Document::new(path.display().to_string(), text))
}

/// The error of line `line_no` of the JSON Lines file `path`.
fn bad_record(path: &Path, line_no: usize, message: String) -> Error {
    Error::BadRecord {
        path: path.to_path_buf(),
        line: line_no,
        message,
    }
}

/// Parses a JSON Lines record (a [`Document`], or a form of it that leaves
/// its text as raw JSON), refusing one whose `id` is empty.
fn parse_line<'a, T: serde::Deserialize<'a>>(
    path: &Path,
    line_no: usize,
    line: &'a str,
    id: impl Fn(&T) -> &str,
) -> Result<T> {
    let bad = |message: String| bad_record(path, line_no, message);
    let record: T =
        serde_json::from_str(line).map_err(|e| bad(format!("not a document record: {e}")))?;
    if id(&record).trim().is_empty() {
        return Err(bad("empty \"id\"".into()));
    }
    Ok(record)
}

/// Parse one JSON Lines document record.
pub fn parse_record(path: &Path, line_no: usize, line: &str) -> Result<Document> {
    let doc = parse_line(path, line_no, line, |d: &Document| &d.id)?;
    if doc.text.contains('\0') {
        return Err(bad_record(
            path,
            line_no,
            "binary text (NUL character)".into(),
        ));
    }
    Ok(doc)
}

enum Pending {
    Path(PathBuf),
    Stdin,
}

/// Why an input was passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// A file in a folder whose extension is not .txt, .md or .jsonl.
    NotText,
    /// A FIFO, socket or device inside a folder.
    NotRegular,
    /// A JSON Lines record whose text is empty or only white space.
    EmptyText,
}

impl SkipReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::NotText => "not .txt, .md or .jsonl",
            SkipReason::NotRegular => "not a regular file",
            SkipReason::EmptyText => "empty text",
        }
    }
}

/// What was passed over, shared with whoever reports it once the stream is
/// used up (the stream itself is consumed by the extraction).
pub type Skips = std::sync::Arc<std::sync::Mutex<Vec<(String, SkipReason)>>>;

#[cfg(unix)]
fn is_fifo(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    m.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// Records an input passed over. (A free function: the callers hold other
/// fields of `Inputs` borrowed.)
fn note_skip(skips: &Skips, what: String, why: SkipReason) {
    if let Ok(mut v) = skips.lock() {
        v.push((what, why));
    }
}

/// The extension is one we read (any case: `.TXT` too).
fn is_text_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(x)))
}

fn is_jsonl(p: &Path) -> bool {
    p.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"))
}

/// A stream of documents from the paths named on the command line.
pub struct Inputs {
    skips: Skips,
    pending: VecDeque<Pending>,
    /// The folder being walked, read one entry at a time (an archive folder
    /// may hold millions of files; their names are not collected first).
    walked: Option<(PathBuf, walkdir::IntoIter)>,
    records: Option<RecordReader>,
    /// The file being read in parts.
    parts: Option<parts::Parts>,
    stdin_jsonl: bool,
    lossy: bool,
    on_warning: Option<Box<dyn FnMut(String)>>,
}

struct RecordReader {
    path: PathBuf,
    reader: Box<dyn BufRead>,
    line_no: usize,
}

impl Inputs {
    /// `paths` as the user gave them; `-` is standard input. With
    /// `stdin_jsonl`, standard input is read as JSON Lines documents.
    pub fn new<P: AsRef<Path>>(paths: &[P], stdin_jsonl: bool) -> Self {
        let pending = paths
            .iter()
            .map(|p| {
                if p.as_ref() == Path::new("-") {
                    Pending::Stdin
                } else {
                    Pending::Path(p.as_ref().to_path_buf())
                }
            })
            .collect();
        Inputs {
            skips: Skips::default(),
            pending,
            walked: None,
            records: None,
            parts: None,
            stdin_jsonl,
            lossy: false,
            on_warning: None,
        }
    }

    /// The inputs passed over so far (read it after the stream is used up).
    pub fn skips(&self) -> Skips {
        self.skips.clone()
    }

    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file,
    /// telling `on_warning` which file and where.
    pub fn lossy(mut self, on_warning: impl FnMut(String) + 'static) -> Self {
        self.lossy = true;
        self.on_warning = Some(Box::new(on_warning));
        self
    }

    fn decode(&mut self, path: &Path, bytes: Vec<u8>) -> Result<String> {
        let (text, repaired) = decode_text_with(path, bytes, self.lossy)?;
        self.warn_repaired(path, repaired);
        Ok(text)
    }

    fn warn_repaired(&mut self, path: &Path, repaired: Option<usize>) {
        if let (Some(offset), Some(warn)) = (repaired, self.on_warning.as_mut()) {
            warn(format!(
                "{}: invalid UTF-8 from byte {offset} replaced with U+FFFD (--lossy)",
                path.display()
            ));
        }
    }

    /// The next part of the file being read in parts.
    fn next_part(&mut self) -> Option<Result<Document>> {
        let next = self.parts.as_mut()?.next();
        if next.is_none() {
            self.parts = None;
        }
        next
    }

    /// Starts reading a large file in parts; returns its first part.
    fn open_parts(&mut self, path: &Path) -> Option<Result<Document>> {
        let opened = parts::Parts::open(path, self.lossy);
        self.start_parts(path, opened)
    }

    fn start_parts(
        &mut self,
        path: &Path,
        opened: Result<(parts::Parts, Option<usize>)>,
    ) -> Option<Result<Document>> {
        match opened {
            Ok((parts, repaired)) => {
                self.warn_repaired(path, repaired);
                self.parts = Some(parts);
                self.next_part()
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// The document of a stream (standard input, a FIFO) named `path`, with
    /// the id `id`: whole, or in parts when it is large.
    fn read_stream(
        &mut self,
        path: &Path,
        id: &str,
        reader: impl Read,
    ) -> Option<Result<Document>> {
        match read_or_spool(path, reader) {
            Ok(Spooled::Bytes(bytes)) => {
                Some(self.decode(path, bytes).map(|t| Document::new(id, t)))
            }
            Ok(Spooled::File(spool)) => {
                let opened = parts::Parts::spooled(path, id, spool, self.lossy);
                self.start_parts(path, opened)
            }
            Err(e) => Some(Err(e)),
        }
    }

    fn next_record(&mut self) -> Option<Result<Document>> {
        let rr = self.records.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match rr.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.records = None;
                    return None;
                }
                Ok(_) => {
                    rr.line_no += 1;
                    let line = match std::str::from_utf8(&buf) {
                        Ok(s) => s.trim(),
                        Err(e) => {
                            return Some(Err(Error::BadRecord {
                                path: rr.path.clone(),
                                line: rr.line_no,
                                message: format!(
                                    "not UTF-8 (invalid byte at offset {})",
                                    e.valid_up_to()
                                ),
                            }))
                        }
                    };
                    if line.is_empty() {
                        continue;
                    }
                    if parts::read_in_parts(line.len() as u64) {
                        // (a record with only white space for text is
                        // refused as empty by the parts' first reading)
                        return match parts::record_parts(&rr.path, rr.line_no, line) {
                            Ok(p) => {
                                self.parts = Some(p);
                                self.next_part()
                            }
                            Err(e) => Some(Err(e)),
                        };
                    }
                    let record = parse_record(&rr.path, rr.line_no, line);
                    if let Ok(doc) = &record {
                        if doc.text.trim().is_empty() {
                            let what =
                                format!("{}: line {} ({})", rr.path.display(), rr.line_no, doc.id);
                            note_skip(&self.skips, what, SkipReason::EmptyText);
                            continue;
                        }
                    }
                    return Some(record);
                }
                Err(source) => {
                    let path = rr.path.clone();
                    self.records = None;
                    return Some(Err(Error::Io { path, source }));
                }
            }
        }
    }

    fn open_file(&mut self, path: PathBuf) -> Option<Result<Document>> {
        if is_jsonl(&path) {
            match File::open(&path) {
                Ok(f) => {
                    self.records = Some(RecordReader {
                        path,
                        reader: Box::new(BufReader::new(f)),
                        line_no: 0,
                    });
                    None
                }
                Err(source) => Some(Err(Error::Io { path, source })),
            }
        } else {
            match File::open(&path) {
                Ok(f)
                    if f.metadata()
                        .is_ok_and(|m| m.is_file() && parts::read_in_parts(m.len())) =>
                {
                    self.open_parts(&path)
                }
                Ok(f) => self.read_stream(&path, &path.display().to_string(), f),
                Err(source) => Some(Err(Error::Io { path, source })),
            }
        }
    }

    fn walk(&mut self, dir: &Path) {
        let walker = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        self.walked = Some((dir.to_path_buf(), walker));
    }

    /// The next text file of the folder being walked, or the error met.
    fn next_walked(&mut self) -> Option<Result<PathBuf>> {
        let (dir, walker) = self.walked.as_mut()?;
        for entry in walker.by_ref() {
            match entry {
                Ok(e) => {
                    let p = e.path();
                    let kind = e.file_type();
                    if kind.is_dir() {
                        continue;
                    }
                    if !kind.is_file() {
                        note_skip(&self.skips, p.display().to_string(), SkipReason::NotRegular);
                    } else if is_text_extension(p) {
                        return Some(Ok(p.to_path_buf()));
                    } else {
                        note_skip(&self.skips, p.display().to_string(), SkipReason::NotText);
                    }
                }
                Err(e) => {
                    let path = e.path().unwrap_or(dir).to_path_buf();
                    let message = if e.loop_ancestor().is_some() {
                        "symlink loop (skipped)".to_string()
                    } else {
                        e.io_error()
                            .map(|x| x.to_string())
                            .unwrap_or_else(|| e.to_string())
                    };
                    return Some(Err(Error::Usage(format!("{}: {message}", path.display()))));
                }
            }
        }
        self.walked = None;
        None
    }
}

impl Iterator for Inputs {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.next_part() {
                return Some(r);
            }
            if let Some(r) = self.next_record() {
                return Some(r);
            }
            if let Some(w) = self.next_walked() {
                match w {
                    Ok(path) => match self.open_file(path) {
                        Some(r) => return Some(r),
                        None => continue,
                    },
                    Err(e) => return Some(Err(e)),
                }
            }
            match self.pending.pop_front()? {
                Pending::Stdin => {
                    let path = PathBuf::from(STDIN_NAME);
                    if self.stdin_jsonl {
                        self.records = Some(RecordReader {
                            path,
                            reader: Box::new(BufReader::new(std::io::stdin())),
                            line_no: 0,
                        });
                        continue;
                    }
                    return self.read_stream(&path, "stdin", std::io::stdin().lock());
                }
                Pending::Path(path) => match std::fs::metadata(&path) {
                    Err(source) => return Some(Err(Error::Io { path, source })),
                    Ok(m) if m.is_dir() => self.walk(&path),
                    // a device or socket named outright (also through a
                    // symlink) would read forever: only files and FIFOs are
                    // read, as `cat` would read a FIFO
                    Ok(m) if !m.is_file() && !is_fifo(&m) => {
                        return Some(Err(Error::Usage(format!(
                            "{}: not a regular file (a device or socket); give a file, a folder, a FIFO or -",
                            path.display()
                        ))))
                    }
                    Ok(_) => match self.open_file(path) {
                        Some(r) => return Some(r),
                        None => continue,
                    },
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_binary_and_bad_utf8_with_offsets() {
        let p = Path::new("x.txt");
        let e = decode_text(p, b"ab\0cd".to_vec()).unwrap_err().to_string();
        assert_eq!(e, "x.txt: binary file (NUL byte at offset 2)");
        let e = decode_text(p, b"abc\xffdef".to_vec())
            .unwrap_err()
            .to_string();
        assert_eq!(e, "x.txt: not UTF-8 text (invalid byte at offset 3)");
        let e = decode_text(p, b"  \n".to_vec()).unwrap_err().to_string();
        assert_eq!(e, "x.txt: empty input");
        assert!(decode_text(p, vec![0xFF, 0xFE, b'a', 0])
            .unwrap_err()
            .to_string()
            .contains("UTF-16"));
    }

    #[test]
    fn parses_records_and_names_bad_lines() {
        let p = Path::new("d.jsonl");
        let d = parse_record(
            p,
            1,
            r#"{"id":"a","text":"Kyiv demands peace.","date":"2025-01-02"}"#,
        )
        .unwrap();
        assert_eq!(d.id, "a");
        assert_eq!(d.date.as_deref(), Some("2025-01-02"));
        let e = parse_record(p, 7, "{oops").unwrap_err().to_string();
        assert!(
            e.starts_with("d.jsonl: line 7: not a document record"),
            "{e}"
        );
    }
}
