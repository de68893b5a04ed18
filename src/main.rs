use clap::Parser;
use resume_lint::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(resume_lint::app::run(cli))
}
