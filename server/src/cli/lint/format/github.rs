//! GitHub Actions workflow commands:
//! `::warning file=a.txt,line=3,col=5,endLine=3,endColumn=6,title=O001 pipe-for-i::message`.
//! Data is escaped (`%`, CR, LF) and so are property values (also `:` and
//! `,`), as the runner requires.

use std::io::{self, Write};

use transcript_ls::Severity;
use transcript_ls::rules;

use super::FileFindings;

pub fn write(out: &mut dyn Write, files: &[FileFindings]) -> io::Result<()> {
    for file in files {
        for f in file.findings {
            let start = file.position(f.range.start);
            let end = file.position(f.range.end);
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let name = rules::lookup(f.code).map_or("", |r| r.name);
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(file.path),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("{} {name}", f.code)),
                data(&f.message)
            )?;
        }
    }
    Ok(())
}

fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(data("100%\nnext"), "100%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
