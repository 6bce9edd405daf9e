//! An analyst's coding scheme: issue labels and the words or patterns that
//! assign a content to them.
//!
//! A codebook is a CSV file with the header `issue,pattern`, one pattern a
//! row; several rows may share an issue. A pattern is either words, all of
//! which must occur in the content (compared after stemming, in any order:
//! `ceasefire gaza` matches "a ceasefire in Gaza"), or `re:` and a regular
//! expression tried on the content (case-insensitive). The first row that
//! matches assigns the issue, so specific rows go before general ones.

use crate::error::{Error, Result};
use regex::Regex;
use std::path::Path;

/// One codebook row.
#[derive(Debug, Clone)]
struct Entry {
    issue: String,
    matcher: Matcher,
}

#[derive(Debug, Clone)]
enum Matcher {
    /// Stems that must all occur.
    Words(Vec<String>),
    Regex(Regex),
}

/// A parsed codebook.
#[derive(Debug, Clone, Default)]
pub struct Codebook {
    entries: Vec<Entry>,
}

fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| super::terms::stem(&w.to_lowercase()))
        .collect()
}

impl Codebook {
    /// Read a codebook file.
    pub fn load(path: &Path) -> Result<Codebook> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Self::parse(path, &text)
    }

    /// Parse codebook text, naming `origin` in errors.
    pub fn parse(origin: &Path, text: &str) -> Result<Codebook> {
        let err = |message: String| Error::Codebook {
            path: origin.to_path_buf(),
            message,
        };
        let mut r = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = r
            .headers()
            .map_err(|e| err(format!("codebook: {e}")))?
            .clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(ci), Some(cp)) = (col("issue"), col("pattern")) else {
            return Err(err(
                "codebook: the first line must name the columns issue,pattern".into(),
            ));
        };
        let mut entries = Vec::new();
        for (n, row) in r.records().enumerate() {
            let line = n + 2;
            let row = row.map_err(|e| err(format!("codebook line {line}: {e}")))?;
            let issue = row.get(ci).unwrap_or("").trim().to_string();
            let pattern = row.get(cp).unwrap_or("").trim();
            if issue.is_empty() || pattern.is_empty() {
                return Err(err(format!(
                    "codebook line {line}: both issue and pattern are needed"
                )));
            }
            let matcher = match pattern.strip_prefix("re:") {
                Some(re) => Matcher::Regex(
                    regex::RegexBuilder::new(re)
                        .case_insensitive(true)
                        .build()
                        .map_err(|e| {
                            err(format!(
                                "codebook line {line}: bad pattern: {}",
                                e.to_string().lines().last().unwrap_or("")
                            ))
                        })?,
                ),
                None => Matcher::Words(stems(pattern)),
            };
            entries.push(Entry { issue, matcher });
        }
        Ok(Codebook { entries })
    }

    /// The issue the codebook assigns to a content, if any.
    pub fn issue_of(&self, content: &str) -> Option<&str> {
        let mut content_stems: Option<Vec<String>> = None;
        self.entries.iter().find_map(|e| {
            let hit = match &e.matcher {
                Matcher::Regex(re) => re.is_match(content),
                Matcher::Words(ws) => {
                    let have = content_stems.get_or_insert_with(|| stems(content));
                    !ws.is_empty() && ws.iter().all(|w| have.contains(w))
                }
            };
            hit.then_some(e.issue.as_str())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_after_stemming_in_any_order_and_the_first_row_wins() {
        let cb = Codebook::parse(
            Path::new("cb.csv"),
            "issue,pattern\nteacher pay,teachers pay\nteacher pay,re:\\bsalar(y|ies)\\b\nstrike,strike\n",
        )
        .unwrap();
        assert_eq!(cb.issue_of("higher pay for teachers"), Some("teacher pay"));
        assert_eq!(cb.issue_of("Salaries must rise"), Some("teacher pay"));
        assert_eq!(cb.issue_of("an end to the strikes"), Some("strike"));
        assert_eq!(cb.issue_of("smaller classes"), None);
    }

    #[test]
    fn bad_codebooks_name_the_file_and_line() {
        let e = Codebook::parse(Path::new("cb.csv"), "label,words\na,b\n").unwrap_err();
        assert!(e.to_string().contains("cb.csv") && e.to_string().contains("issue,pattern"));
        let e = Codebook::parse(Path::new("cb.csv"), "issue,pattern\na,re:(\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = Codebook::parse(Path::new("cb.csv"), "issue,pattern\n,x\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
    }
}
