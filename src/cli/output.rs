//! What the commands share: loading the journey file (exit 2 when it cannot
//! be read) and writing their result to standard output (a closed pipe is not
//! an error; any other failure exits 1).

use std::io::{StdoutLock, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::model::Journey;
use crate::store;

/// The journey in `path`, or the exit code 2 after saying why it cannot be read.
pub fn load(path: &Path) -> Result<Journey, ExitCode> {
    store::load(path).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(2)
    })
}

/// Writes with `write` to standard output; `what` names the result in an error.
pub fn print(
    what: &str,
    write: impl FnOnce(&mut StdoutLock<'static>) -> std::io::Result<()>,
) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("could not write {what}: {e}");
            ExitCode::from(1)
        }
    }
}

/// `value` as pretty-printed JSON, one line break after it.
pub fn json(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")
}
