//! The engineering limits of the brief, checked on every test run: no source
//! file over 1,500 lines and no function over 150, so that a stage stays
//! readable in order and a long function is split before it grows further.

use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 1500;
const MAX_FN_LINES: usize = 150;

/// Every `.rs` file under `dir`, in name order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() && name != "node_modules" && name != "target" {
            rust_files(&p, out);
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

/// The name of the function a line opens, if it opens one with a body.
fn opens_function(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    // a declaration, or a body on the same line
    if line.trim_end().ends_with(';') || line.trim_end().ends_with('}') {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Functions longer than the limit: (line, name, length). A function ends
/// at the first closing brace at its own indentation (rustfmt's layout).
fn long_functions(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = opens_function(line) else {
            continue;
        };
        let indent = &line[..line.len() - line.trim_start().len()];
        let close = format!("{indent}}}");
        if let Some(end) = (i + 1..lines.len()).find(|&j| lines[j] == close) {
            let len = end - i + 1;
            if len > MAX_FN_LINES {
                out.push((i + 1, name.to_string(), len));
            }
        }
    }
    out
}

#[test]
fn no_file_or_function_passes_the_limits() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "examples", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut faults = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let shown = f.strip_prefix(root).unwrap_or(f).display();
        let n = text.lines().count();
        if n > MAX_FILE_LINES {
            faults.push(format!("{shown}: {n} lines (limit {MAX_FILE_LINES})"));
        }
        for (line, name, len) in long_functions(&text) {
            faults.push(format!(
                "{shown}:{line}: fn {name} is {len} lines (limit {MAX_FN_LINES})"
            ));
        }
    }
    assert!(faults.is_empty(), "over the limits:\n{}", faults.join("\n"));
}

#[test]
fn the_checker_measures_a_function_to_its_closing_brace() {
    let body = "    let x = 1;\n".repeat(MAX_FN_LINES);
    let text = format!("impl A {{\n    pub(crate) fn long(&self) {{\n{body}    }}\n\n    fn short() {{}}\n}}\nfn decl();\n");
    let found = long_functions(&text);
    assert_eq!(found, vec![(2, "long".to_string(), MAX_FN_LINES + 2)]);
    assert_eq!(opens_function("    fn f(x: u8);"), None);
    assert_eq!(opens_function("pub const fn g() -> u8 {"), Some("g"));
}
