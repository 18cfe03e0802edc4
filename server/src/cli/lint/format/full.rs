//! The finding's line with its range underlined, as rustc and ruff show it:
//!
//! ```text
//! warning[O007]: `18-25-2025` is not a date that exists
//!   --> memcon.txt:15:1
//!    |
//! 15 | 18-25-2025
//!    | ^^^^^^^^^^
//!    = fix (unsafe): Change to `8-25-2025`
//! ```
//!
//! Long lines are cut to a window around the range.

use std::io::{self, Write};

use transcript_ls::Severity;
use transcript_ls::fix::Applicability;

use super::FileFindings;

/// Characters shown either side of a range on a long line.
const CONTEXT: usize = 40;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info | Severity::Hint => "1;36",
        }
    }
}

pub fn write(out: &mut dyn Write, files: &[FileFindings], color: bool) -> io::Result<()> {
    let paint = Paint { on: color };
    for file in files {
        for f in file.findings {
            let start = file.position(f.range.start);
            let sev = paint.severity(f.severity);
            writeln!(
                out,
                "{}{}",
                paint.wrap(sev, &format!("{}[{}]", f.severity.as_str(), f.code)),
                paint.wrap("1", &format!(": {}", f.message))
            )?;
            let gutter = " ".repeat(start.line.to_string().len());
            writeln!(
                out,
                "{gutter}{} {}:{}:{}",
                paint.wrap("1;34", "-->"),
                file.path,
                start.line,
                start.column
            )?;
            let bar = paint.wrap("1;34", "|");
            writeln!(out, "{gutter} {bar}")?;

            // The first line of the range, cut to a window around it.
            let line = file.index.line_range(file.text, start.line - 1);
            let line_text = &file.text[line.clone()];
            let chars: Vec<char> = line_text.chars().collect();
            let from = start.column - 1;
            let range_end = f.range.end.min(line.end).max(f.range.start);
            let width = file.text[f.range.start.min(range_end)..range_end]
                .chars()
                .count()
                .max(1);
            let window_start = from.saturating_sub(CONTEXT);
            let window_end = (from + width + CONTEXT).min(chars.len());
            let mut shown: String = chars[window_start..window_end.max(window_start)]
                .iter()
                .collect();
            let mut caret_at = from - window_start;
            if window_start > 0 {
                shown = format!("…{shown}");
                caret_at += 1;
            }
            if window_end < chars.len() {
                shown.push('…');
            }
            let shown = shown.replace('\t', " ");
            writeln!(
                out,
                "{} {bar} {shown}",
                paint.wrap("1;34", &start.line.to_string())
            )?;
            writeln!(
                out,
                "{gutter} {bar} {}{}",
                " ".repeat(caret_at),
                paint.wrap(sev, &"^".repeat(width))
            )?;
            for r in &f.related {
                let in_file = file.file_of(r);
                let p = in_file.position(r.range.start);
                let path = match r.document {
                    Some(_) => format!("{}:", in_file.path),
                    None => String::new(),
                };
                writeln!(
                    out,
                    "{gutter} = note: {} at {path}{}:{}",
                    r.message, p.line, p.column
                )?;
            }
            for fix in &f.fixes {
                let kind = match fix.applicability {
                    Applicability::Safe => "fix",
                    Applicability::Unsafe => "fix (unsafe)",
                };
                writeln!(
                    out,
                    "{gutter} = {}: {}",
                    paint.wrap("1;32", kind),
                    fix.title
                )?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
