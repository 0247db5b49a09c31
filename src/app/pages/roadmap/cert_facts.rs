//! A certification's facts, behind a disclosure on its step.

use std::sync::Arc;

use yew::prelude::*;

use crate::core::career::catalog::{Catalog, CertId};

#[derive(Properties)]
pub struct CertFactsProps {
    pub catalog: Arc<Catalog>,
    pub cert: CertId,
}

/// The same certification of the same catalog (compared by address).
impl PartialEq for CertFactsProps {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.catalog, &other.catalog) && self.cert == other.cert
    }
}

/// A certification's facts behind a disclosure: who issues it, what it
/// asks, the exam, cost, renewal, where each fact comes from and which
/// could not be confirmed on the issuer's own page.
#[component]
pub fn CertFacts(props: &CertFactsProps) -> Html {
    let Some(c) = props.catalog.cert(&props.cert) else {
        return html! {};
    };
    let unconfirmed: Vec<&str> = c.unconfirmed.iter().map(|f| f.words()).collect();
    html! {
        <details class="cert-facts">
            <summary>{ format!("About {}", c.name) }</summary>
            <dl>
                <dt>{ "Issued by" }</dt><dd>{ c.issuer.clone() }</dd>
                <dt>{ "Who may sit it" }</dt><dd>{ c.prerequisites_text.clone() }</dd>
                <dt>{ "Exam" }</dt><dd>{ c.exam.clone() }</dd>
                <dt>{ "Cost" }</dt><dd>{ c.cost_text.clone() }</dd>
                <dt>{ "Renewal" }</dt><dd>{ c.renewal.clone() }</dd>
            </dl>
            if !unconfirmed.is_empty() {
                <p class="unconfirmed">{ format!("Not confirmed on the issuer's own page: {}. Check before you rely on it.", unconfirmed.join(", ")) }</p>
            }
            <p>{ "Official page: " }<a href={c.url.clone()} rel="noreferrer">{ c.url.clone() }</a></p>
            <p>{ format!("Sources (gathered {}):", c.as_of) }</p>
            <ul class="sources">
                { for c.sources.iter().map(|src| html! {
                    <li>
                        <a href={src.url.clone()} rel="noreferrer">{ src.url.clone() }</a>
                        { format!(" — {}{}",
                            if src.issuer { "the issuer's page" } else { "another site" },
                            src.page_date.as_ref().map(|d| format!(", dated {d}")).unwrap_or_else(|| ", undated".to_owned())) }
                    </li>
                }) }
            </ul>
        </details>
    }
}
