//! The `stancegraph` binary: parses flags, calls the library, reports errors
//! as `stancegraph: <file>: <problem>` and exits non-zero when any input or
//! output failed.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

/// Extraction allocates many short-lived strings and vectors per sentence;
/// mimalloc's thread-local free lists halve the time the system allocator
/// took (about 15% of a run under perf).
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

/// mimalloc without the aligned entry points for ordinary layouts. The
/// `mimalloc` crate sends every request through `mi_malloc_aligned`, which
/// re-checks the alignment on each call (4% of extraction's instructions
/// under callgrind); `mi_malloc` already aligns to `MAX_ALIGN` (16 bytes), and
/// to the size class below that, exactly as std's `System` allocator assumes
/// of `malloc`.
struct MiMalloc;

/// Alignment `mi_malloc` guarantees for a block of at least this size.
const MAX_ALIGN: usize = 16;

fn plain(layout: std::alloc::Layout) -> bool {
    layout.align() <= MAX_ALIGN && layout.align() <= layout.size()
}

// SAFETY: every block comes from mimalloc and goes back to `mi_free`, which
// takes blocks of either entry point; the plain entry points are used only
// where their alignment guarantee covers the layout.
unsafe impl std::alloc::GlobalAlloc for MiMalloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if plain(layout) {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if plain(layout) {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        let new = std::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
        if plain(new) {
            mi::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

/// mimalloc's `mi_option_purge_delay` (the crate names only some options;
/// this is its place in mimalloc v2's `mi_option_e`).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Memory freed goes back to the system at once. With mimalloc's default
    // delay (10 ms) the line buffer of a 100 MB JSON record, freed before
    // extraction, stayed counted or not by chance (194 to 264 MB peak; 154
    // MB with 0). The 50 MB benchmark ran as fast either way; one 200 MB
    // text file, whose 256 KB parts allocate and free large blocks, takes
    // 29 s instead of 22 s (2 threads) and 92 instead of 125 MB.
    // SAFETY: sets a documented option of the allocator linked in above.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Extract(a) => cli::extract::run(a),
        Command::Build(a) => cli::build::run(a),
        Command::Query(a) => cli::query::run(a),
        Command::Export(a) => cli::export::run(a),
        Command::Issues(a) => cli::issues::run(a),
        Command::Merge(a) => cli::merge::run(a),
        Command::Network(a) => cli::network::run(a),
        Command::Render(a) => cli::render::run(a),
        Command::Explain(a) => cli::explain::run(a),
        Command::Train(a) => cli::train::run(a),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            // a closed pipe (`| head`) is not an error worth reporting
            if e.downcast_ref::<stancegraph::Error>().is_some_and(|x| matches!(x, stancegraph::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)) {
                return ExitCode::SUCCESS;
            }
            eprintln!("stancegraph: {e}");
            ExitCode::from(2)
        }
    }
}
