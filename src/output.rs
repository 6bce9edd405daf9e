//! Where results go: standard output, or a file written atomically (a
//! temporary file in the same folder, flushed, synced and renamed over the
//! target), so an interrupted run never leaves a half-written file.

use crate::error::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Temporary files are `.stancegraph-<pid>-<random>.tmp`, beside the file
/// they will replace (a rename is atomic only within one file system).
const TEMP_PREFIX: &str = ".stancegraph-";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes the temporaries in `dir` that a killed run left behind: those of
/// our pattern whose process no longer runs (on Linux, no `/proc/<pid>`).
/// A live run's temporaries are never touched; where processes cannot be
/// looked up this way, nothing is removed.
fn clean_stale_temporaries(dir: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(rest) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .filter(|n| n.ends_with(TEMP_SUFFIX))
        else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !proc.join(pid.to_string()).exists() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A sink for one command's output.
pub enum Output {
    Stdout(BufWriter<std::io::Stdout>),
    File {
        tmp: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
}

impl Output {
    /// Standard output when `path` is `None` or `-`, else an atomic file.
    pub fn open(path: Option<&Path>) -> Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::new(std::io::stdout()))),
            Some(p) if p == Path::new("-") => Ok(Output::Stdout(BufWriter::new(std::io::stdout()))),
            Some(p) => {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                clean_stale_temporaries(dir);
                let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
                let tmp = tempfile::Builder::new()
                    .prefix(&prefix)
                    .suffix(TEMP_SUFFIX)
                    .tempfile_in(dir)
                    .map_err(|source| Error::Io {
                        path: p.to_path_buf(),
                        source,
                    })?;
                Ok(Output::File {
                    tmp: BufWriter::new(tmp),
                    path: p.to_path_buf(),
                })
            }
        }
    }

    /// Where the output goes, for messages.
    pub fn path(&self) -> PathBuf {
        match self {
            Output::Stdout(_) => PathBuf::from("<stdout>"),
            Output::File { path, .. } => path.clone(),
        }
    }

    /// Write bytes, naming the destination on failure.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        let r = match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::File { tmp, .. } => tmp.write_all(bytes),
        };
        r.map_err(|source| Error::Io {
            path: self.path(),
            source,
        })
    }

    /// Finish: flush standard output, or sync and rename the file into place.
    /// Dropping an `Output` without calling this discards a file's content.
    pub fn commit(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|source| Error::Io {
                path: PathBuf::from("<stdout>"),
                source,
            }),
            Output::File { tmp, path } => {
                let io = |source| Error::Io {
                    path: path.clone(),
                    source,
                };
                let tmp = tmp.into_inner().map_err(|e| io(e.into_error()))?;
                // temporary files are private (0600); the result is an ordinary file
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    tmp.as_file()
                        .set_permissions(std::fs::Permissions::from_mode(0o644))
                        .map_err(io)?;
                }
                tmp.as_file().sync_all().map_err(io)?;
                tmp.persist(&path).map_err(|e| io(e.error))?;
                // make the rename itself durable: sync the folder that holds the file
                #[cfg(unix)]
                {
                    let dir = path
                        .parent()
                        .filter(|d| !d.as_os_str().is_empty())
                        .unwrap_or(Path::new("."));
                    if let Ok(d) = std::fs::File::open(dir) {
                        let _ = d.sync_all();
                    }
                }
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { tmp, .. } => tmp.write(buf),
        }
    }

    // (the buffer's own write_all copies a short write in place; the default
    // one would loop over `write` through this match)
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf),
            Output::File { tmp, .. } => tmp.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { tmp, .. } => tmp.flush(),
        }
    }
}

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut out = Output::open(Some(path))?;
    out.write_all(bytes)?;
    out.commit()
}

/// An exclusive advisory lock on writing `path`, held until dropped. Two
/// writers of one graph (`build --into g.json` twice at once) would each
/// read the old file and the last rename would lose the other's documents:
/// the second waits here, saying so, until the first has written.
///
/// The lock is on a sidecar file (`.g.json.lock` beside `g.json`), because
/// the graph itself is replaced by a rename and a lock on the old file would
/// not hold a writer who opens the new one. The sidecar is left in place:
/// deleting it would let a third writer lock a new one while the second
/// still holds the old.
pub struct WriteLock {
    _file: std::fs::File,
}

impl WriteLock {
    pub fn acquire(path: &Path) -> Result<WriteLock> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lock_path = path.with_file_name(format!(".{name}.lock"));
        let io = |source| Error::Io {
            path: lock_path.clone(),
            source,
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                eprintln!(
                    "stancegraph: {}: another stancegraph is writing it; waiting",
                    path.display()
                );
                file.lock().map_err(io)?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        Ok(WriteLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.json");
        let mut o = Output::open(Some(&p)).unwrap();
        o.write_all(b"{}").unwrap();
        assert!(!p.exists());
        o.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "{}");
        let o = Output::open(Some(&p)).unwrap();
        drop(o);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "{}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left behind"
        );
    }
}
