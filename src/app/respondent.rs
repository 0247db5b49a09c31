//! The person's anonymous id (see [`crate::core::anon`]): drawn once from
//! the browser's cryptographic random source, kept in this browser under
//! its own key — so starting over keeps it, and a second attempt pairs with
//! the first — and written into every result file they download.

use crate::app::storage::Store;
use crate::core::anon::RespondentId;

/// Where the id is kept.
pub const RESPONDENT_KEY: &str = "crossroads.respondent";

/// This browser's id, made on first use. `None` only when the browser has
/// no cryptographic random source; a file then carries no id (it is never
/// made from anything else).
pub fn respondent_id() -> Option<RespondentId> {
    let store = Store::open();
    if let Some(id) = store
        .get(RESPONDENT_KEY)
        .and_then(|t| RespondentId::parse(&t))
    {
        return Some(id);
    }
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    let id = RespondentId::from_bytes(bytes);
    // Storage that refuses the write still gets an id on this file; the
    // next download would draw another, and the two attempts stay unpaired.
    let _ = store.set(RESPONDENT_KEY, &id.to_string());
    Some(id)
}
