//! Reporters: diagnostics and attributions turned into text. Only the CLI writes that text out.

pub mod attributions;
pub mod ci;
pub mod diagnostics;
pub mod rules;
