//! The evidence spill: while a large graph is built, evidence sentences
//! wait in a temporary file, in blocks per edge, and only nodes, edges and
//! small references stay in memory.

use super::{Evidence, StanceEdge};
use std::sync::Mutex;

/// An edge's spill block is written once it holds this many bytes...
pub(super) const SPILL_BLOCK_BYTES: usize = if cfg!(test) { 512 } else { 16 << 10 };
/// ...and all blocks once together they hold this many. (The unit tests
/// write blocks after a few sentences.)
pub(super) const SPILL_PENDING_BYTES: usize = if cfg!(test) { 4 << 10 } else { 32 << 20 };

/// Evidence records in a temporary file: building a graph of a whole archive
/// keeps nodes, edges and one small reference per evidence in memory, and the
/// sentences on disk until the graph file is written.
#[derive(Debug)]
pub(super) struct Spill {
    file: Mutex<SpillFile>,
}

#[derive(Debug)]
pub(super) struct SpillFile {
    writer: std::io::BufWriter<std::fs::File>,
    reader: std::fs::File,
    len: u64,
}

/// Offset and length of a block of evidence records in the spill file, and
/// how many records it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct SpillRef {
    offset: u64,
    len: u32,
    pub(super) records: u32,
}

impl Spill {
    pub(super) fn new() -> std::io::Result<Spill> {
        let file = tempfile::tempfile()?;
        let reader = file.try_clone()?;
        Ok(Spill {
            file: Mutex::new(SpillFile {
                writer: std::io::BufWriter::with_capacity(1 << 20, file),
                reader,
                len: 0,
            }),
        })
    }

    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, SpillFile> {
        self.file.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes a block of `records` encoded records.
    pub(super) fn write(&self, block: &[u8], records: u32) -> std::io::Result<SpillRef> {
        use std::io::Write;
        let len = u32::try_from(block.len()).map_err(std::io::Error::other)?;
        let mut f = self.lock();
        f.writer.write_all(block)?;
        let r = SpillRef {
            offset: f.len,
            len,
            records,
        };
        f.len += u64::from(len);
        Ok(r)
    }

    /// The evidence of these blocks, appended to `out`.
    pub(super) fn read_into(
        &self,
        refs: &[SpillRef],
        out: &mut Vec<Evidence>,
    ) -> std::io::Result<()> {
        use std::io::Write;
        // (most edges of a small graph have no block written yet)
        if refs.is_empty() {
            return Ok(());
        }
        let mut f = self.lock();
        f.writer.flush()?;
        let mut buf = Vec::new();
        for r in refs {
            buf.resize(r.len as usize, 0);
            read_exact_at(&f.reader, &mut buf, r.offset)?;
            decode_block(&buf, r.records, out)?;
        }
        Ok(())
    }
}

/// Decodes a block that must hold exactly `records` records.
pub(super) fn decode_block(
    mut b: &[u8],
    records: u32,
    out: &mut Vec<Evidence>,
) -> std::io::Result<()> {
    let damaged = || std::io::Error::other("a record of the evidence spill file is damaged");
    for _ in 0..records {
        out.push(decode_evidence(&mut b).ok_or_else(damaged)?);
    }
    if b.is_empty() {
        Ok(())
    } else {
        Err(damaged())
    }
}

/// A spill record: each string as its length (u32, little-endian) and bytes,
/// the span as two u64, an absent option as one 0 byte and a present one as
/// 1 and the string. Reading it back is a copy, not a JSON parse.
pub(super) fn encode_evidence(ev: &Evidence, out: &mut Vec<u8>) {
    pub(super) fn put(out: &mut Vec<u8>, s: &str) {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    pub(super) fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            None => out.push(0),
            Some(s) => {
                out.push(1);
                put(out, s);
            }
        }
    }
    put(out, &ev.doc);
    for n in ev.span {
        out.extend_from_slice(&(n as u64).to_le_bytes());
    }
    put(out, &ev.sentence);
    put(out, &ev.cue);
    put(out, &ev.rule);
    put_opt(out, ev.target.as_deref());
    put_opt(out, ev.date.as_deref());
    put(out, &ev.content);
}

/// The evidence of the spill record `b` starts with, which is then cut off;
/// `None` if the bytes are not a record.
pub(super) fn decode_evidence(b: &mut &[u8]) -> Option<Evidence> {
    pub(super) fn take<'b>(b: &mut &'b [u8], n: usize) -> Option<&'b [u8]> {
        let (head, rest) = (b.get(..n)?, b.get(n..)?);
        *b = rest;
        Some(head)
    }
    pub(super) fn string(b: &mut &[u8]) -> Option<String> {
        let n = u32::from_le_bytes(take(b, 4)?.try_into().ok()?) as usize;
        String::from_utf8(take(b, n)?.to_vec()).ok()
    }
    pub(super) fn number(b: &mut &[u8]) -> Option<usize> {
        usize::try_from(u64::from_le_bytes(take(b, 8)?.try_into().ok()?)).ok()
    }
    pub(super) fn opt(b: &mut &[u8]) -> Option<Option<String>> {
        match take(b, 1)?[0] {
            0 => Some(None),
            1 => string(b).map(Some),
            _ => None,
        }
    }
    Some(Evidence {
        doc: string(b)?,
        span: [number(b)?, number(b)?],
        sentence: string(b)?,
        cue: string(b)?,
        rule: string(b)?,
        target: opt(b)?,
        date: opt(b)?,
        content: string(b)?,
    })
}

/// Writes an edge's block, if it has one; a block that cannot be written
/// stays in memory, where it is still read.
pub(super) fn flush_block(spill: &Spill, s: &mut StanceEdge) {
    if s.pending.is_empty() {
        return;
    }
    if let Ok(r) = spill.write(&s.pending, s.pending_records) {
        s.spilled.push(r);
        // (freed, not cleared: most edges get few more sentences)
        s.pending = Vec::new();
        s.pending_records = 0;
    }
}

#[cfg(unix)]
pub(super) fn read_exact_at(
    file: &std::fs::File,
    buf: &mut [u8],
    offset: u64,
) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub(super) fn read_exact_at(
    file: &std::fs::File,
    mut buf: &mut [u8],
    mut offset: u64,
) -> std::io::Result<()> {
    // the reader is a handle of its own: moving its position does not move the writer's
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}
