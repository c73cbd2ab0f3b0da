//! The `skillscan` binary: parse arguments, call the library, render, map errors to exit codes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code.into(),
        Err(err) => {
            // `skillscan ... | head` closes the pipe early; that is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("skillscan: error: {err:#}");
            cli::Exit::Error.into()
        }
    }
}
