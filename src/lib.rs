//! factx: extract people, roles, dates and claims from folders of English documents, with the
//! provenance of every fact (document, byte offsets, line, sentence and rule).
//!
//! The library does all the work and prints nothing; the `factx` binary is a thin shell.
//!
//! ```
//! use factx::{Options, Pipeline, Rules};
//! let pipeline = Pipeline::new(Rules::builtin(), Options::default());
//! let text = "Councillor Heather Brook, Leader of Harbridge Borough Council, said: “We are proud of our staff.”";
//! let facts = pipeline.process_bytes("news.txt", text.as_bytes());
//! assert_eq!(facts.people[0].name, "Heather Brook");
//! assert_eq!(facts.claims[0].speaker, "Heather Brook");
//! let start = facts.people[0].prov.start;
//! assert_eq!(&text[start..facts.people[0].prov.end], "Heather Brook");
//! ```

pub mod decode;
pub mod error;
pub mod eval;
pub mod extract;
pub mod facts;
#[doc(hidden)]
pub mod fuzzing;
pub mod html;
pub mod lexicon;
pub mod names;
pub mod output;
pub mod pipeline;
pub mod resolve;
pub mod rules;
pub mod text;
pub mod walk;

pub use error::{Error, Result};
pub use pipeline::{Options, Pipeline, Progress, RunSummary};
pub use rules::Rules;
