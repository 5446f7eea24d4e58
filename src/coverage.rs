//! What the attributions of a document cover: which sentences and paragraphs have one, and whether any
//! attribution's content reaches a span. Built while a file's rules run (they ask it whether copy is
//! attributed) and by the check of quotations with no speaker, and dropped when they are done.

use crate::document::Document;
use crate::grammar::Attribution;
use crate::grammar::lexicon::CueClass;
use crate::span::Span;
use serde::{Deserialize, Serialize};

pub struct Coverage {
    /// How many attributions each sentence has.
    sentences: Vec<u32>,
    blocks: Vec<bool>,
    /// Every cue, in order, with its sentence: a match that holds a cue (`told aides`) is not
    /// attributed by that cue.
    cues: Vec<(Span, usize)>,
    contents: Contents,
    /// The content of thoughts, which covers only what starts inside it.
    thoughts: Contents,
}

/// Content spans sorted by start, with the furthest end reached so far: "does any content overlap
/// this span" by binary search.
#[derive(Default)]
struct Contents {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Contents {
    fn of<'a>(attributions: impl Iterator<Item = &'a Attribution>) -> Contents {
        let mut spans: Vec<Span> = attributions.filter_map(|a| a.content).collect();
        spans.sort();
        let furthest_end = spans
            .iter()
            .scan(0, |max, s| {
                *max = s.end.max(*max);
                Some(*max)
            })
            .collect();
        Contents {
            starts: spans.iter().map(|s| s.start).collect(),
            furthest_end,
        }
    }

    /// Whether some content overlaps `span`.
    fn overlap(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.furthest_end[before_end - 1] > span.start
    }

    /// Whether `span` starts inside some content.
    fn holds_start(&self, span: Span) -> bool {
        let at_or_before = self.starts.partition_point(|&s| s <= span.start);
        at_or_before > 0 && self.furthest_end[at_or_before - 1] > span.start
    }
}

impl Coverage {
    /// Who is speaking: attributions that name a source, of speech or of a state of mind (`She feels
    /// …` puts her in view for the quotation that follows). `it was reported` says nothing of who.
    pub fn speakers(doc: &Document, attributions: &[Attribution]) -> Coverage {
        Coverage::of(doc, attributions.iter().filter(|a| a.source.is_some()))
    }

    /// Who answers for a claim: a named source's speech. `Democrats fear …` is the writer's reading
    /// of a state of mind, which itself needs a source, so a thought covers neither its sentence nor
    /// a match that takes in its cue; but what lies wholly in its content (`Analysts believe … it is
    /// likely to …`) is the thinker's.
    pub fn sourcing(doc: &Document, attributions: &[Attribution]) -> Coverage {
        let named = attributions.iter().filter(|a| a.source.is_some());
        let mut coverage =
            Coverage::of(doc, named.clone().filter(|a| a.class != CueClass::Thought));
        let beliefs = named.filter(|a| a.class == CueClass::Thought && holds_a_belief(doc, a));
        coverage.thoughts = Contents::of(beliefs);
        coverage
    }

    fn of<'a>(doc: &Document, attributions: impl Iterator<Item = &'a Attribution>) -> Coverage {
        let attributions: Vec<&Attribution> = attributions.collect();
        let mut sentences = vec![0; doc.sentences.len()];
        let mut blocks = vec![false; doc.copy.blocks.len()];
        for a in &attributions {
            sentences[a.sentence] += 1;
            blocks[doc.sentences[a.sentence].block] = true;
        }
        let mut cues: Vec<(Span, usize)> =
            attributions.iter().map(|a| (a.cue, a.sentence)).collect();
        cues.sort();
        Coverage {
            sentences,
            blocks,
            cues,
            contents: Contents::of(attributions.into_iter()),
            thoughts: Contents::default(),
        }
    }

    /// Whether some attribution's content overlaps `span`, or a thought's content holds its start.
    pub fn in_content(&self, span: Span) -> bool {
        self.contents.overlap(span) || self.thoughts.holds_start(span)
    }

    pub fn sentence(&self, index: usize) -> bool {
        self.sentences.get(index).is_some_and(|&n| n > 0)
    }

    /// Whether sentence `index` has an attribution whose cue is not inside `apart`.
    fn sentence_apart_from(&self, index: usize, apart: Span) -> bool {
        let first = self
            .cues
            .partition_point(|(cue, _)| cue.start < apart.start);
        let inside = self.cues[first..]
            .iter()
            .take_while(|(cue, _)| cue.start < apart.end)
            .filter(|&&(cue, s)| s == index && cue.end <= apart.end)
            .count();
        self.sentences
            .get(index)
            .is_some_and(|&n| n as usize > inside)
    }

    /// Whether a sentence of the block other than `sentence` has an attribution.
    fn block_apart_from(&self, doc: &Document, block: usize, sentence: usize) -> bool {
        let first = doc.sentences.partition_point(|s| s.block < block);
        (first..doc.sentences.len())
            .take_while(|&s| doc.sentences[s].block == block)
            .any(|s| s != sentence && self.sentence(s))
    }

    pub fn block(&self, index: usize) -> bool {
        self.blocks.get(index).copied().unwrap_or(false)
    }

    /// Whether `span` is attributed: inside an attribution's content, or with an attribution within
    /// `scope` of its sentence, other than one whose cue is inside `span` (`has told aides` does not
    /// source itself). A headline summarises the body: it is attributed when the paragraphs right
    /// after it are.
    pub fn covers(&self, doc: &Document, span: Span, scope: Scope) -> bool {
        if self.in_content(span) {
            return true;
        }
        let Some(sentence) = doc.sentence_at(span.start) else {
            return false;
        };
        let block = doc.sentences[sentence].block;
        if doc.is_heading(block) {
            return (block + 1..=block + HEADLINE_BODY).any(|b| self.block(b));
        }
        let here = self.sentence_apart_from(sentence, span);
        match scope {
            Scope::Content => false,
            Scope::Sentence => here,
            Scope::Neighbours => {
                here || (sentence > 0 && self.sentence(sentence - 1)) || self.sentence(sentence + 1)
            }
            Scope::Paragraph => here || self.block_apart_from(doc, block, sentence),
        }
    }
}

/// `Analysts believe it is likely …` holds a proposition; `Clinton wanted to shield her shady
/// dealings` holds an aim, whose words (`shady`) stay the writer's.
pub fn holds_a_belief(doc: &Document, thought: &Attribution) -> bool {
    thought
        .content
        .is_some_and(|c| !c.of(doc.text()).starts_with("to "))
}

/// How many paragraphs after a headline are the body it summarises.
const HEADLINE_BODY: usize = 2;

/// How far from a match an attribution may stand and still answer for it.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Only the content of an attribution answers for what lies in it: `Trump, who lied about …,
    /// said …` is the writer's claim about Trump whatever Trump said.
    Content,
    /// Its own sentence.
    #[default]
    Sentence,
    /// Its sentence or the one before or after (`X said … . It also found …`).
    Neighbours,
    /// Its paragraph.
    Paragraph,
}
