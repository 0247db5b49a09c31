//! The assessment's state and everything a person can do to it: one pure
//! reducer over the session, shared by both pages and tested natively. The
//! app wraps it in Yew's `Reducible` (`app::state`); saving happens in an
//! effect there.

use std::rc::Rc;

use crate::core::bank::ItemId;
use crate::core::career::catalog::{CertId, FactId, RoleId, SkillId};
use crate::core::career::person::{FactValue, MAX_LEVEL};
use crate::core::content::Content;
use crate::core::score::{score, Profile, Response};
use crate::core::session::{budget_from_input, hours_from_input, Kept, Session};

#[derive(Debug, Clone)]
pub struct AssessState {
    pub content: Rc<Content>,
    pub session: Session,
    /// The fields of the save this page does not read, written back as
    /// they were (see `app::Part::decode`).
    pub kept: Rc<Kept>,
}

/// Content never changes while the app runs, so the same `Rc` means the same
/// content: comparing pointers keeps every re-render from walking the whole
/// bank and catalog.
impl PartialEq for AssessState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && self.session == other.session
            && Rc::ptr_eq(&self.kept, &other.kept)
    }
}

/// Everything a person can do to their answers.
pub enum Action {
    /// Answer (or change the answer to) an item.
    Answer(ItemId, Response),
    /// Leave the current question unanswered and go on.
    Skip,
    /// Go to the next question (or to the end).
    Next,
    /// Go to the previous question.
    Back,
    /// Throw everything away and begin again; carries the current time.
    StartOver(String),
    /// The name to show a mentor (empty for none).
    SetName(String),
    /// The person's own notes.
    SetNotes(String),
    /// Replace the whole session (after the person confirmed it).
    Replace(Box<Session>),
    /// Rate a skill 0–4.
    RateSkill(SkillId, u8),
    /// Set (or clear) an experience fact.
    SetFact(FactId, Option<FactValue>),
    /// Mark a certification as held or not.
    ToggleHeld(CertId),
    /// Choose the target role.
    ChooseRole(RoleId),
    /// Roadmap settings.
    SetHours(f64),
    SetBudget(Option<f64>),
    SetStart(Option<String>),
    /// Toggle a roadmap step's done / skipped / pinned mark.
    ToggleStep(StepMark, String),
}

impl AssessState {
    pub fn new(content: Rc<Content>, mut session: Session, kept: Kept) -> Self {
        session.adopt(&content.bank);
        Self {
            content,
            session,
            kept: Rc::new(kept),
        }
    }

    pub fn position(&self) -> usize {
        self.session.resume_at(&self.content.bank)
    }

    pub fn total(&self) -> usize {
        self.content.bank.items.len()
    }

    pub fn answered(&self) -> usize {
        self.content
            .bank
            .items
            .iter()
            .filter(|i| self.session.answers.contains_key(i.id()))
            .count()
    }

    pub fn profile(&self) -> Profile {
        score(&self.content.bank, &self.session.answers)
    }
}

impl AssessState {
    /// The state after `action`; `None` when nothing changes (the page then
    /// skips a re-render).
    pub fn apply(&self, action: Action) -> Option<AssessState> {
        let mut next = self.clone();
        let s = &mut next.session;
        let last = self.total().saturating_sub(1);
        match action {
            Action::Answer(id, response) => {
                if s.answers.get(&id) == Some(&response) {
                    return None;
                }
                s.answers.insert(id, response);
            }
            Action::Skip => {
                if let Some(item) = self.content.bank.items.get(self.position()) {
                    s.answers.remove(item.id());
                }
                advance(s, last);
            }
            Action::Next => {
                advance(s, last);
                // Answered every question of a changed questionnaire: the
                // session now belongs to the current version.
                let bank = &self.content.bank;
                if s.finished && s.changes(bank).is_some_and(|c| c.new_questions.is_empty()) {
                    s.adopt(bank);
                }
            }
            Action::Back => {
                if s.position == 0 {
                    return None;
                }
                s.position = s.position.min(last) - 1;
            }
            Action::StartOver(now) => {
                // Everything goes, the planner's fields too.
                *s = Session::new(&self.content.bank, &now);
                next.kept = Rc::default();
            }
            Action::SetName(name) => {
                s.display_name = (!name.trim().is_empty()).then_some(name);
            }
            Action::SetNotes(notes) => s.notes = notes,
            Action::RateSkill(id, level) => {
                s.skills.insert(id, level.min(MAX_LEVEL));
            }
            Action::SetFact(id, value) => match value {
                Some(v) => {
                    s.experience.0.insert(id, v);
                }
                None => {
                    s.experience.0.remove(&id);
                }
            },
            Action::ToggleHeld(id) => {
                if !s.held.remove(&id) {
                    s.held.insert(id);
                }
            }
            Action::ChooseRole(id) => s.role = Some(id),
            Action::SetHours(h) => match hours_from_input(h) {
                Some(h) => s.plan.hours_per_week = h,
                None => return None,
            },
            Action::SetBudget(b) => s.plan.budget_usd = b.and_then(budget_from_input),
            Action::SetStart(d) => s.plan.start = d,
            Action::ToggleStep(mark, id) => s.plan.choices.toggle(mark, &id),
            Action::Replace(session) => {
                *s = *session;
                next.kept = Rc::default();
            }
        }
        Some(next)
    }
}

fn advance(s: &mut Session, last: usize) {
    if s.position >= last {
        s.finished = true;
    } else {
        s.position += 1;
    }
}

/// The marks a person can put on a roadmap step (the rule lives in the core).
pub use crate::core::career::plan::Mark as StepMark;
