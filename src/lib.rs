//! newslint: a linter for news copy that knows who said what.
//!
//! Files come in as `SourceFile`s; `Document::parse` builds the document model (copy, sentences,
//! quotations); `grammar::attributions` finds who said what (`analysis` holds both); the code rules
//! (`checks`) and the YAML rule pack (`rules`) turn that into `Diagnostic`s; `engine` runs the whole
//! pipeline (story sets, suppressions, the config's policy, fixes); reporters in `report` turn
//! diagnostics into text. The library never prints; this file only declares the modules.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod aside;
pub mod block;
pub mod changed;
pub mod checks;
pub mod config;
pub mod copy;
pub mod coverage;
pub mod diagnostic;
pub mod directive;
pub mod discrepancy;
pub mod document;
pub mod docx;
pub mod engine;
pub mod error;
pub mod fix;
pub mod grammar;
pub mod html;
pub mod input;
pub mod invisible;
pub mod lsp;
pub mod markup;
pub mod offsets;
pub mod quotes;
pub mod registry;
pub mod report;
pub mod rules;
pub mod schema;
pub mod sentences;
pub mod serve;
pub mod span;
pub mod story;
pub mod suppress;
pub mod walk;
pub mod yaml;

pub use analysis::{Analysis, Parsed, analyse};
pub use document::Document;
pub use engine::{check_file, check_story};
pub use grammar::{Attribution, Kind, attributions, lexicon::Lexicon};
pub use input::{InputError, SourceFile};
pub use rules::Pack;
pub use span::Span;
