//! Why the browser would not save a file the app offers (a result file, a
//! calendar, a CSV): the words the page shows in place of "Saved …". Pure,
//! so the messages are tested natively; the saving itself is in
//! `app::download`.

/// Why a download could not be offered. Shown to the person as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DownloadError {
    /// The browser refused to make the file or its address (a blocked
    /// Blob, a sandboxed frame, no memory).
    #[error("Your browser would not save \"{filename}\".")]
    Refused { filename: String },
    /// Not in a browser window (a worker, a test harness).
    #[error("No browser window.")]
    NoWindow,
    /// A window without a document.
    #[error("No document.")]
    NoDocument,
    /// The element made for the link is not a link.
    #[error("Could not create a link.")]
    NoLink,
}

#[cfg(test)]
mod tests {
    use super::DownloadError;

    /// Each refusal keeps the words the pages showed when these were
    /// strings.
    #[test]
    fn each_refusal_reads_as_before() {
        let check = |error: DownloadError, expect: &str| assert_eq!(error.to_string(), expect);
        check(
            DownloadError::Refused {
                filename: "crossroads-roadmap.ics".into(),
            },
            "Your browser would not save \"crossroads-roadmap.ics\".",
        );
        check(DownloadError::NoWindow, "No browser window.");
        check(DownloadError::NoDocument, "No document.");
        check(DownloadError::NoLink, "Could not create a link.");
    }
}
