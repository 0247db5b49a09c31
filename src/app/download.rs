//! Saving a generated file (calendar, result file) to the person's
//! computer: a Blob, an object URL and a temporary `<a download>`. Nothing
//! leaves the browser.

use wasm_bindgen::JsCast;

pub use crate::download::DownloadError;

/// Offers `text` as a download named `filename`. The error says, in words
/// the page can show, why the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    let refused = |_| DownloadError::Refused {
        filename: filename.to_owned(),
    };
    let window = web_sys::window().ok_or(DownloadError::NoWindow)?;
    let document = window.document().ok_or(DownloadError::NoDocument)?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| DownloadError::NoLink)?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // The URL is not revoked at once: some browsers start the download
    // asynchronously and would lose it. A few kilobytes stay referenced
    // until the page is closed.
    Ok(())
}
