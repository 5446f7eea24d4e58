//! A block of copy: a paragraph or a heading, as a byte span. Below the copy view and the readers of
//! each format (HTML, Word), which all build blocks.

use crate::span::Span;

/// Whether a block is a headline (needs no speaker for its quotes) or body copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Body,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}
