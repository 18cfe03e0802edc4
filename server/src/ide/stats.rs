//! Speaker statistics: turns, words, questions asked and answered, per
//! speaker, for the whole document and for each record of a file that
//! holds several. Computed here once; the server serves them
//! (`workspace/executeCommand` `transcript.speakerStatistics`) and
//! `transcript-ls stats` prints them.
//!
//! A turn *asks* when its speaker is the press's `QUESTION`/`Q` or its
//! text holds a `?`; the next turn by another speaker *answers* it.

use serde::Serialize;

use crate::ide::speakers::turn_name;
use crate::model::{Model, SpeakerKind};

/// One speaker's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerStats {
    /// The speaker as the outline names them.
    pub speaker: String,
    pub turns: usize,
    pub words: usize,
    pub questions_asked: usize,
    pub questions_answered: usize,
}

/// The counts of one record (a sub-document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordStats {
    /// 1-based.
    pub record: usize,
    /// Byte offset where the record starts.
    pub start: usize,
    pub speakers: Vec<SpeakerStats>,
}

/// A document's speaker statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statistics {
    pub turns: usize,
    pub words: usize,
    /// Every speaker, most turns first (ties in order of first turn).
    pub speakers: Vec<SpeakerStats>,
    /// Per record; a single record when the file holds one.
    pub records: Vec<RecordStats>,
}

/// One turn, as the statistics read it.
struct TurnFacts {
    start: usize,
    speaker: String,
    words: usize,
    asks: bool,
    answers: bool,
}

/// The statistics of a document.
pub fn statistics(model: &Model, text: &str) -> Statistics {
    let mut turns: Vec<TurnFacts> = Vec::new();
    for turn in &model.turns {
        let speaker = &model.speakers[turn.speaker];
        let name = turn_name(model, text, turn);
        let body: Vec<&str> = turn
            .paragraphs
            .iter()
            .map(|&p| &text[model.paragraphs[p].content.clone()])
            .collect();
        let words = body.iter().map(|p| p.split_whitespace().count()).sum();
        let role_asks = speaker.kind == SpeakerKind::Role
            && matches!(speaker.display.as_str(), "QUESTION" | "Q");
        let asks = role_asks || body.iter().any(|p| p.contains('?'));
        let answers = turns
            .last()
            .is_some_and(|previous| previous.asks && previous.speaker != name);
        turns.push(TurnFacts {
            start: turn.range.start,
            speaker: name,
            words,
            asks,
            answers,
        });
    }
    let mut starts = vec![0];
    starts.extend(&model.records);
    let records = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(usize::MAX);
            RecordStats {
                record: i + 1,
                start,
                speakers: tally(turns.iter().filter(|t| start <= t.start && t.start < end)),
            }
        })
        .collect();
    Statistics {
        turns: turns.len(),
        words: turns.iter().map(|t| t.words).sum(),
        speakers: tally(turns.iter()),
        records,
    }
}

/// Counts per speaker, most turns first, ties in order of first turn.
fn tally<'t>(turns: impl Iterator<Item = &'t TurnFacts>) -> Vec<SpeakerStats> {
    let mut out: Vec<SpeakerStats> = Vec::new();
    for t in turns {
        let i = match out.iter().position(|s| s.speaker == t.speaker) {
            Some(i) => i,
            None => {
                out.push(SpeakerStats {
                    speaker: t.speaker.clone(),
                    turns: 0,
                    words: 0,
                    questions_asked: 0,
                    questions_answered: 0,
                });
                out.len() - 1
            }
        };
        let s = &mut out[i];
        s.turns += 1;
        s.words += t.words;
        s.questions_asked += usize::from(t.asks);
        s.questions_answered += usize::from(t.answers);
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.turns));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, analyze_text};

    #[test]
    fn a_question_is_answered_by_the_next_speaker() {
        let text = "QUESTION: Will you sign it?\n\nMR. PRICE: We will sign it next week.\n\nQUESTION: When?\n\nMR. PRICE: Soon.\n";
        let model = analyze_text(text, &Config::default()).model;
        let stats = statistics(&model, text);
        assert_eq!(stats.turns, 4);
        let price = stats
            .speakers
            .iter()
            .find(|s| s.speaker == "MR. PRICE")
            .expect("MR. PRICE speaks");
        assert_eq!((price.turns, price.questions_answered), (2, 2));
        assert_eq!(price.words, 7);
        let question = stats
            .speakers
            .iter()
            .find(|s| s.speaker == "QUESTION")
            .expect("QUESTION asks");
        assert_eq!(question.questions_asked, 2);
        assert_eq!(stats.records.len(), 1);
        assert_eq!(stats.records[0].speakers, stats.speakers);
    }
}
