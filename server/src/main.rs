//! The `transcript-ls` command line.

mod cli;
mod lsp;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "transcript-ls",
    version,
    about = "Language server and CI linter for transcript markup: press-conference transcripts and memoranda of conversation",
    long_about = "Language server and CI linter for transcript markup: press-conference transcripts and \
memoranda of conversation.\n\nWith no command (or `serve`), speaks the Language Server Protocol on standard \
input and output, as editors expect; `--stdio`, which editors pass, is accepted and changes nothing."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Speak LSP over standard input and output (the default).
    #[arg(long, global = true)]
    stdio: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server on standard input and output (what editors
    /// start).
    Serve,
    /// Check documents for unmarked paragraphs, misread portion marks,
    /// banner mismatches, OCR glitches, split paragraphs, unknown speakers
    /// and misspelt treaty names; optionally fix them.
    Lint(cli::lint::LintArgs),
    /// Compare a document with another edition of the same conversation
    /// (an OCR'd transcript with the web page, a print with a corrected
    /// copy): turn by turn, then word by word, ignoring presentation; each
    /// difference classified (OCR misreading, name, punctuation, words,
    /// paragraphing, turn); optionally take the other edition's readings.
    Compare(cli::compare::CompareArgs),
    /// List every rule: its code, name, default severity, whether it has a
    /// fix (and whether that fix is safe), and what it finds.
    #[command(
        after_help = "Example:\n  transcript-ls rules\n\nRules are named by code or name in transcript.toml's [rules], \
        --select, --ignore and suppression comments; `transcript-ls explain RULE` prints one's documentation."
    )]
    Rules,
    /// Print a rule's documentation: what it finds, why, examples that fire
    /// and do not, and what its fix does.
    #[command(
        after_help = "Example:\n  transcript-ls explain O005\n  transcript-ls explain split-paragraph"
    )]
    Explain {
        /// A rule code (O005) or name (split-paragraph).
        #[arg(value_name = "RULE")]
        rule: String,
    },
    /// Print each document's structure: headings, banners, header fields
    /// with the participants list, and every speaker turn with its line and
    /// first words, then a count of turns per speaker.
    #[command(
        after_help = "Example:\n  transcript-ls parse fixtures/samples/memcon-2008-sochi.txt\n\n\
        Files that cannot be read are reported and skipped; the exit code is then 1."
    )]
    Parse {
        /// Transcript files to read.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print each document's speaker statistics: turns, words, and
    /// questions asked and answered, per speaker and, in a file of several
    /// records, per record.
    #[command(
        after_help = "Examples:\n  transcript-ls stats fixtures/samples/memcon-2008-sochi.txt\n  \
        transcript-ls stats --format csv archive/*.transcript > speakers.csv\n\n\
        A turn asks a question when its speaker is QUESTION or Q or its text holds a `?`; the next \
        turn by another speaker answers it. The editor's \"Show speaker statistics\" shows the same \
        numbers (the server's `transcript.speakerStatistics` command). Files that cannot be read are \
        reported and skipped; the exit code is then 1."
    )]
    Stats {
        /// Transcript files to read.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// How to print: a table per document, JSON, or CSV (one row per
        /// document, record and speaker).
        #[arg(long, value_enum, default_value = "text")]
        format: cli::stats::Format,
    },
}

fn main() -> ExitCode {
    // A file-size limit (`ulimit -f`) must fail a write with an error the
    // run can report, not kill the process mid-write.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" at start-up, before
    // any thread exists, has no preconditions.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = Cli::parse();
    match cli.command {
        None | Some(Command::Serve) => serve(),
        Some(Command::Lint(args)) => cli::lint::run(args),
        Some(Command::Compare(args)) => cli::compare::run(args),
        Some(Command::Explain { rule }) => {
            match cli::lint::explain(&rule, &mut std::io::stdout().lock()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::Parse { files }) => cli::parse::run(&files),
        Some(Command::Stats { files, format }) => cli::stats::run(&files, format),
        Some(Command::Rules) => match cli::lint::list_rules(&mut std::io::stdout().lock()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if cli::input::is_broken_pipe(&e) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(2)
            }
        },
    }
}

/// Runs the language server until the client exits; then leaves at once,
/// even with analyses still in flight. The exit status is 1 when the
/// client said `exit` without `shutdown` first, as the protocol says, else
/// 0 (also when the input just ends).
fn serve() -> ExitCode {
    lsp::start_log();
    lsp::limit_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the server's runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let orderly = runtime.block_on(lsp::serve());
    runtime.shutdown_background();
    if orderly {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
