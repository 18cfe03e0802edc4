//! A typed model of one transcript, read off its syntax tree: header
//! fields, participants, banners, speaker turns and speakers, paragraphs
//! with their portion marks, page furniture and treaty mentions. Byte
//! ranges throughout; nothing here knows about editors.

mod build;
pub mod classification;
pub mod dates;
mod records;
mod speakers;
pub mod splits;

use std::ops::Range;

use serde::Serialize;

pub use build::{HEAD, Raw, build_raw, field_date, head_date};
pub use classification::{Level, MarkReading};
pub use dates::Date;
pub use speakers::{
    SpeakerKind, merge_ocr_spellings, names_a_speaker_alone, normalize_label, reads_as_transcript,
    table as speaker_table,
};

use crate::treaty_mention::TreatyMention;

/// Everything the rules and the editor features need to know about one
/// document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Model {
    pub fields: Vec<HeaderField>,
    pub participants: Vec<Participant>,
    pub banners: Vec<Banner>,
    pub turns: Vec<SpeakerTurn>,
    pub speakers: Vec<Speaker>,
    pub paragraphs: Vec<Paragraph>,
    /// Page furniture lines: page numbers, running heads, document ids, and
    /// the lone `(` a scanner leaves in the margin.
    pub furniture: Vec<Range<usize>>,
    /// OCR debris: lines that are mostly not words (stamps, redaction
    /// boxes, rules, handwriting), which are never text.
    pub debris: Vec<Range<usize>>,
    /// `( ` before a label or paragraph: a margin mark left by OCR.
    pub margin_marks: Vec<Range<usize>>,
    pub headings: Vec<Range<usize>>,
    pub end_marker: Option<Range<usize>>,
    /// Where a new record starts in a file that holds several (memos,
    /// cables, forms one after another): each a sub-document, judged on
    /// its own. The first record starts at the top and is not listed.
    pub records: Vec<usize>,
    pub treaty_mentions: Vec<TreatyMention>,
    /// The date of the conversation or briefing, from a `DATE` field or
    /// the first full date near the top.
    pub date: Option<Date>,
    /// Where this document puts its portion marks.
    pub mark_position: MarkPosition,
    /// Every block in document order, for rules that look at neighbours.
    pub blocks: Vec<Block>,
}

/// Where a document writes portion marks: before the paragraph (the rule
/// since 2010) or after it (NSC memcons of the 1970s–2000s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum MarkPosition {
    #[default]
    Leading,
    Trailing,
}

/// One block of the document, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Block {
    Paragraph(usize),
    Banner(usize),
    Field(usize),
    Label(usize),
    Furniture(usize),
    Debris(usize),
    Heading(usize),
    EndMarker,
}

/// The names of fields whose values are participants lists (as the
/// grammar's scanner knows them).
pub const PARTICIPANT_FIELDS: &[&str] = &[
    "PARTICIPANTS",
    "PARTICIPANT",
    "PRINCIPALS",
    "OTHER ATTENDEES",
    "ATTENDEES",
    "ALSO PRESENT",
    "PRESENT",
    "ATTENDANCE",
];

/// `SUBJECT: Meeting with President of Russia (U)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderField {
    pub range: Range<usize>,
    /// The name as written, without the colon.
    pub name: String,
    pub value_range: Range<usize>,
}

impl HeaderField {
    /// Whether the field lists who took part: `PARTICIPANTS`, `PRINCIPALS`,
    /// `OTHER ATTENDEES`, `ATTENDEES`, `PRESENT`, `ALSO PRESENT`.
    pub fn lists_participants(&self) -> bool {
        PARTICIPANT_FIELDS.iter().any(|name| self.is(name))
    }

    /// Whether the field is `name`, as written or as OCR misread a name of
    /// six letters or more (`SUBJEGT`, `Declassify 0n`).
    pub fn is(&self, name: &str) -> bool {
        let written = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        written.eq_ignore_ascii_case(name)
            || crate::dictionary::confusions::misread_as(&written, name)
    }
}

/// One person in the `PARTICIPANTS:` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub range: Range<usize>,
    /// The entry with wrapped lines joined: `Stephen Hadley, Assistant to
    /// the President for National Security Affairs`.
    pub text: String,
    /// The country group it is listed under: `United States`, `Russia`.
    pub group: Option<String>,
}

/// A banner line: `SECRET`, `~~SECRET~~`, `EYES ONLY`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Banner {
    pub range: Range<usize>,
    pub text: String,
    /// The level it announces; handling captions (`EYES ONLY`) have none.
    pub level: Option<Level>,
    /// Struck through, as declassification stamps it.
    pub struck: bool,
}

/// `(S)`, `(U//FOUO)`, or a misread `(X)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortionMark {
    pub range: Range<usize>,
    /// The text inside the parentheses.
    pub inner: String,
    pub reading: MarkReading,
    /// Written before the paragraph's text rather than after it.
    pub leading: bool,
}

impl PortionMark {
    pub fn level(&self) -> Option<Level> {
        match self.reading {
            MarkReading::Valid(level) => Some(level),
            MarkReading::Unknown { .. } => None,
        }
    }
}

/// What a paragraph is, for the markings rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ParagraphRole {
    /// A portion of the body.
    Body,
    /// Part of a notice such as the memcon's `CAUTION:` block, which is not
    /// a portion.
    Notice,
    /// Only a stage direction: `(Laughter.)`.
    StageDirection,
    /// A `<!-- transcript: ... -->` comment.
    Directive,
}

/// One paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub range: Range<usize>,
    /// The words, without a margin mark, leading or trailing portion marks,
    /// or surrounding white space.
    pub content: Range<usize>,
    pub marks: Vec<PortionMark>,
    pub stage_directions: Vec<Range<usize>>,
    pub margin_mark: Option<Range<usize>>,
    /// The turn it belongs to.
    pub turn: Option<usize>,
    pub role: ParagraphRole,
    /// The sentence runs on into the next paragraph, across blank lines,
    /// page furniture or a banner (a page break): it ends without terminal
    /// punctuation or mark, and the next paragraph starts in lower case.
    pub continues: bool,
    /// The paragraph before continues into this one.
    pub continued: bool,
}

/// A speaker label and everything up to the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerTurn {
    pub range: Range<usize>,
    /// The whole label, with markup and colon: `**SECRETARY RICE:**`.
    pub label: Range<usize>,
    /// The name as written: `SECRETARY RICE`.
    pub name_range: Range<usize>,
    pub speaker: usize,
    pub paragraphs: Vec<usize>,
    pub margin_mark: Option<Range<usize>>,
}

/// One person or role who speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Identity across label styles and documents: the participant entry's
    /// name, or the label in capitals.
    pub key: String,
    /// How to show the speaker: the participant entry, or the label.
    pub display: String,
    pub kind: SpeakerKind,
}

impl Model {
    /// Takes the turns at `indices` (ascending) for what they are once the
    /// whole document is known: not turns, since their labels name no one
    /// (a memo's `Unrealistic Deadlines:`). Their paragraphs belong to no
    /// turn.
    pub fn demote_turns(&mut self, indices: &[usize]) {
        let mut new_index = Vec::with_capacity(self.turns.len());
        let mut next = 0;
        for i in 0..self.turns.len() {
            if indices.binary_search(&i).is_ok() {
                new_index.push(None);
            } else {
                new_index.push(Some(next));
                next += 1;
            }
        }
        let turns = std::mem::take(&mut self.turns);
        self.turns = turns
            .into_iter()
            .enumerate()
            .filter(|(i, _)| indices.binary_search(i).is_err())
            .map(|(_, t)| t)
            .collect();
        for p in &mut self.paragraphs {
            p.turn = p.turn.and_then(|t| new_index[t]);
        }
        self.blocks
            .retain(|b| !matches!(b, Block::Label(i) if indices.binary_search(i).is_ok()));
        for b in &mut self.blocks {
            if let Block::Label(i) = b {
                *i = new_index[*i].expect("a kept turn");
            }
        }
    }

    /// Appends `other`, the model of the text that starts at `offset`, so
    /// that its ranges count from this model's start and its indices point
    /// into this model's lists. Both share one speaker table.
    pub fn append(&mut self, other: &Model, offset: usize) {
        let shift = |r: &Range<usize>| r.start + offset..r.end + offset;
        let (fields, banners, turns, paragraphs, furniture, headings) = (
            self.fields.len(),
            self.banners.len(),
            self.turns.len(),
            self.paragraphs.len(),
            self.furniture.len(),
            self.headings.len(),
        );
        let debris = self.debris.len();
        self.fields.extend(other.fields.iter().map(|f| HeaderField {
            range: shift(&f.range),
            name: f.name.clone(),
            value_range: shift(&f.value_range),
        }));
        self.participants
            .extend(other.participants.iter().map(|p| Participant {
                range: shift(&p.range),
                text: p.text.clone(),
                group: p.group.clone(),
            }));
        self.banners.extend(other.banners.iter().map(|b| Banner {
            range: shift(&b.range),
            ..b.clone()
        }));
        self.turns.extend(other.turns.iter().map(|t| SpeakerTurn {
            range: shift(&t.range),
            label: shift(&t.label),
            name_range: shift(&t.name_range),
            speaker: t.speaker,
            paragraphs: t.paragraphs.iter().map(|p| p + paragraphs).collect(),
            margin_mark: t.margin_mark.as_ref().map(shift),
        }));
        self.paragraphs.extend(other.paragraphs.iter().map(|p| {
            Paragraph {
                range: shift(&p.range),
                content: shift(&p.content),
                marks: p
                    .marks
                    .iter()
                    .map(|m| PortionMark {
                        range: shift(&m.range),
                        ..m.clone()
                    })
                    .collect(),
                stage_directions: p.stage_directions.iter().map(shift).collect(),
                margin_mark: p.margin_mark.as_ref().map(shift),
                turn: p.turn.map(|t| t + turns),
                ..p.clone()
            }
        }));
        self.furniture.extend(other.furniture.iter().map(shift));
        self.debris.extend(other.debris.iter().map(shift));
        self.margin_marks
            .extend(other.margin_marks.iter().map(shift));
        self.headings.extend(other.headings.iter().map(shift));
        self.records
            .extend(other.records.iter().map(|r| r + offset));
        if let Some(end) = &other.end_marker {
            self.end_marker = Some(shift(end));
        }
        self.treaty_mentions
            .extend(other.treaty_mentions.iter().map(|m| TreatyMention {
                range: shift(&m.range),
                ..m.clone()
            }));
        self.blocks.extend(other.blocks.iter().map(|b| match *b {
            Block::Paragraph(i) => Block::Paragraph(i + paragraphs),
            Block::Banner(i) => Block::Banner(i + banners),
            Block::Field(i) => Block::Field(i + fields),
            Block::Label(i) => Block::Label(i + turns),
            Block::Furniture(i) => Block::Furniture(i + furniture),
            Block::Debris(i) => Block::Debris(i + debris),
            Block::Heading(i) => Block::Heading(i + headings),
            Block::EndMarker => Block::EndMarker,
        }));
    }
}
