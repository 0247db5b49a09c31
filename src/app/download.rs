//! Saving a generated file (calendar, result file) to the person's
//! computer: a Blob, an object URL and a temporary `<a download>`. Nothing
//! leaves the browser.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename`. Returns a message the page
/// can show if the browser refuses.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| format!("Your browser would not save \"{filename}\".");
    let window = web_sys::window().ok_or("No browser window.")?;
    let document = window.document().ok_or("No document.")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "Could not create a link.".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // The URL is not revoked at once: some browsers start the download
    // asynchronously and would lose it. A few kilobytes stay referenced
    // until the page is closed.
    Ok(())
}
