//! `path:line:col: severity[CODE] message`, one finding a line.

use std::io::{self, Write};

use super::{FileFindings, fix_badge};

pub fn write(out: &mut dyn Write, files: &[FileFindings]) -> io::Result<()> {
    for file in files {
        for f in file.findings {
            let p = file.position(f.range.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}{}",
                file.path,
                p.line,
                p.column,
                f.severity.as_str(),
                f.code,
                f.message,
                fix_badge(f)
            )?;
        }
    }
    Ok(())
}
