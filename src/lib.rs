//! stancegraph turns news text into a graph of who wants what.
//!
//! The pipeline has one module per stage, meeting only through the types in
//! [`model`]:
//! [`input`] (documents) → [`sentences`] (byte spans) → [`extract`]
//! (positions, using the [`lexicon`]) → [`graph`] (actors, contents, stance
//! edges with evidence) → [`query`] and [`export`].
//!
//! ```
//! use stancegraph::{extract::extract_text, lexicon::Lexicon, model::Stance};
//!
//! let lx = Lexicon::builtin();
//! let found = extract_text(&lx, "The U.S. urged Russia to make concessions.");
//! assert_eq!(found[0].actor, "United States");
//! assert_eq!(found[0].stance, Stance::Demand);
//! assert_eq!(found[0].target.as_deref(), Some("Russia"));
//! assert_eq!(found[0].content, "make concessions");
//! ```

pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod issues;
pub mod lexicon;
pub mod model;
pub mod network;
pub mod output;
pub mod query;
pub mod sentences;
pub mod store;

pub use error::{Error, Result};
