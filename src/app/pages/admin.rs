//! The coordinator's deployment check (`#/admin`): which settings and
//! content files were loaded, and every problem found in them.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::boot::BootReport;
use crate::app::state::use_assess;
use crate::core::bank::Item;

#[component]
pub fn Admin() -> Html {
    let report = use_context::<Rc<BootReport>>().unwrap_or_default();
    let state = use_assess();
    let bank = &state.content.bank;
    let scenarios = bank
        .items
        .iter()
        .filter(|i| matches!(i, Item::Scenario(_)))
        .count();
    let warnings = crate::core::wording::warnings(
        bank,
        report
            .bank_file
            .as_deref()
            .unwrap_or(crate::core::content::BANK_FILE),
    );
    html! {
        <article aria-labelledby="admin-title">
            <h1 id="admin-title">{ "Deployment check" }</h1>
            <p>{ "For the coordinator of a program hosting Crossroads. Participants never see this page unless they open it." }</p>
            <section class="panel" aria-labelledby="admin-settings">
                <h2 id="admin-settings">{ "Settings" }</h2>
                <p>{ if report.config_found { "crossroads.json was found and read." } else { "No crossroads.json was found: the built-in settings and content are in use." } }</p>
                <p>{ if report.custom_files.is_empty() {
                    "Content in use: the built-in content.".to_owned()
                } else {
                    format!("Custom content in use: {}.", report.custom_files.join(", "))
                } }</p>
                <p>{ format!("Question bank: {} {} — {} dimensions, {} questions ({} scenarios).",
                    bank.id, bank.version, bank.dimensions.len(), bank.items.len(), scenarios) }</p>
            </section>
            <section class="panel" aria-labelledby="admin-problems">
                <h2 id="admin-problems">{ "Problems" }</h2>
                if report.problems.is_empty() {
                    <p>{ "No problems found." }</p>
                } else {
                    <p role="alert">{ format!("{} found. Until {} fixed, participants get the built-in questionnaire in place of a bank with problems, and the built-in skills, roles and certifications in place of a catalog with problems.", crate::core::text::count(report.problems.len(), "problem", "problems"), if report.problems.len() == 1 { "it is" } else { "they are" }) }</p>
                    { crate::app::components::notices::problem_list(&report.problems) }
                }
                <p class="muted">{ "The same checks run natively, on crossroads.json and every content file it names: cargo run --bin crossroads -- check <folder>." }</p>
            </section>
            <section class="panel" aria-labelledby="admin-warnings">
                <h2 id="admin-warnings">{ "Writing warnings" }</h2>
                <p>{ "Advice, not errors: the questionnaire works as it is. Each statement should state one idea in 8–18 plain words (reading grade 9 or below), compare nothing with another activity, and, when reverse-keyed, describe the low end as a positive sentence; keying should be balanced within each topic, and every answer should move the leaning about as much as any other." }</p>
                if warnings.is_empty() {
                    <p>{ "No writing warnings." }</p>
                } else {
                    <p>{ format!("{}:", crate::core::text::count(warnings.len(), "writing warning", "writing warnings")) }</p>
                    <ul class="warnings">
                        { for warnings.iter().map(|p| html! {
                            <li><code>{ p.file.clone() }</code>{ " at " }<code>{ p.path.clone() }</code>{ ": " }{ p.message.clone() }</li>
                        }) }
                    </ul>
                }
            </section>
        </article>
    }
}
