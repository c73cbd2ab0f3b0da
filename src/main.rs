//! The `skillscan` binary: parse arguments, call the library, render, map errors to exit codes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

/// Whether the error is stdout closing early. JSON is serialised to a buffer before it is
/// written, so write failures always arrive as `io::Error`.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
    })
}

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code.into(),
        Err(err) => {
            // `skillscan ... | head` closes the pipe early; that is not an error.
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("skillscan: error: {err:#}");
            cli::Exit::Error.into()
        }
    }
}
