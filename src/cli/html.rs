//! `simulate FILE --html OUT.html`: writes the run's HTML report
//! (`report::html`) atomically and says so on standard error.

use std::path::Path;
use std::process::ExitCode;

use crate::model::Journey;
use crate::sim::Report;

/// Writes the report to `out`; `Err` with exit code 1 when it could not be
/// written (the message names the file, any previous file is unchanged).
pub(super) fn write(out: &Path, journey: &Journey, report: &Report) -> Result<(), ExitCode> {
    let page = crate::report::report_html(journey, report, chrono::Utc::now());
    match crate::store::write_atomic(out, page.as_bytes()) {
        Ok(()) => {
            eprintln!("wrote {}", out.display());
            Ok(())
        }
        Err(e) => {
            eprintln!("could not write the HTML report: {e}");
            Err(ExitCode::from(1))
        }
    }
}
