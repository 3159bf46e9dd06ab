//! The `noticec` command: parses the arguments, runs the command
//! ([`cli::run`]), and maps the outcome to an exit code — 0 clean,
//! 1 findings, 2 usage, I/O or internal error. A closed pipe
//! (`noticec check | head`) counts as success.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(cli::Failure::BrokenPipe) => ExitCode::from(cli::EXIT_CLEAN),
        Err(cli::Failure::Usage(message)) => {
            // A closed standard error must not turn the exit code into a panic.
            let _ = writeln!(std::io::stderr().lock(), "error: {message}");
            ExitCode::from(cli::EXIT_TROUBLE)
        }
    }
}
