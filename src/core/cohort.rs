//! A cohort at a glance for a program's facilitator: many participants'
//! result files folded into one summary — how leanings are distributed, the
//! average on each topic — with every unusable file listed and skipped.
//!
//! Files are added one at a time and only running totals are kept, so
//! memory stays flat however many files there are.

use serde::Serialize;

use super::bank::Bank;
use super::result_file::import;
use super::score::{score, Band};

/// One participant in the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub name: String,
    pub band: Band,
    pub leaning: f64,
    pub confidence: f64,
}

/// A file that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    pub file: String,
    pub problem: String,
}

/// The running aggregate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortSummary {
    pub participants: usize,
    pub management: usize,
    pub hybrid: usize,
    pub technical: usize,
    /// Mean score per dimension (bank order), over those with a score.
    pub dimension_means: Vec<(String, Option<f64>)>,
    pub mean_leaning: Option<f64>,
    /// Listed participants (kept only when `keep_people` is on).
    pub people: Vec<Participant>,
    pub rejected: Vec<Rejected>,
}

/// Folds result files into a [`CohortSummary`].
pub struct Cohort<'a> {
    bank: &'a Bank,
    keep_people: bool,
    count: usize,
    bands: [usize; 3],
    leaning_sum: f64,
    dim_sums: Vec<(f64, usize)>,
    people: Vec<Participant>,
    rejected: Vec<Rejected>,
}

impl<'a> Cohort<'a> {
    /// `keep_people` lists each participant (the browser view); the native
    /// command for very large cohorts turns it off to keep memory flat.
    pub fn new(bank: &'a Bank, keep_people: bool) -> Self {
        Cohort {
            bank,
            keep_people,
            count: 0,
            bands: [0; 3],
            leaning_sum: 0.0,
            dim_sums: vec![(0.0, 0); bank.dimensions.len()],
            people: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// Adds one file; an unusable file is recorded, never fatal.
    pub fn add(&mut self, file_name: &str, text: &str) {
        let imported = match import(text, self.bank) {
            Ok(i) => i,
            Err(e) => return self.reject(file_name, &e.to_string()),
        };
        let profile = score(self.bank, &imported.file.session.answers);
        if profile.answered == 0 {
            return self.reject(file_name, "it has no answers to this questionnaire");
        }
        self.count += 1;
        self.bands[match profile.band {
            Band::Management => 0,
            Band::Hybrid => 1,
            Band::Technical => 2,
        }] += 1;
        self.leaning_sum += profile.leaning;
        for (sum, d) in self.dim_sums.iter_mut().zip(&profile.dimensions) {
            if let Some(s) = d.score {
                sum.0 += s;
                sum.1 += 1;
            }
        }
        if self.keep_people {
            self.people.push(Participant {
                name: imported.file.label(file_name),
                band: profile.band,
                leaning: profile.leaning,
                confidence: profile.confidence.value,
            });
        }
    }

    /// Records a file that could not even be read.
    pub fn reject(&mut self, file_name: &str, problem: &str) {
        self.rejected.push(Rejected {
            file: file_name.to_owned(),
            problem: problem.to_owned(),
        });
    }

    pub fn summary(&self) -> CohortSummary {
        CohortSummary {
            participants: self.count,
            management: self.bands[0],
            hybrid: self.bands[1],
            technical: self.bands[2],
            dimension_means: self
                .bank
                .dimensions
                .iter()
                .zip(&self.dim_sums)
                .map(|(d, (sum, n))| (d.id.to_string(), (*n > 0).then(|| sum / *n as f64)))
                .collect(),
            mean_leaning: (self.count > 0).then(|| self.leaning_sum / self.count as f64),
            people: self.people.clone(),
            rejected: self.rejected.clone(),
        }
    }
}

impl CohortSummary {
    /// The summary as CSV: one row per participant (when listed), then the
    /// totals. Fields are quoted, and a leading `=`, `+`, `-` or `@` is
    /// defused so a spreadsheet never runs a name as a formula.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("kind,name,band,leaning,confidence\n");
        for p in &self.people {
            out.push_str(&format!(
                "participant,{},{},{:.1},{:.0}\n",
                csv_field(&p.name),
                band_name(p.band),
                p.leaning,
                p.confidence
            ));
        }
        for (band, n) in [
            ("management", self.management),
            ("hybrid", self.hybrid),
            ("technical", self.technical),
        ] {
            out.push_str(&format!("band,{band},,{n},\n"));
        }
        for (dim, mean) in &self.dimension_means {
            out.push_str(&format!(
                "dimension_mean,{},,{},\n",
                csv_field(dim),
                mean.map(|m| format!("{m:.1}")).unwrap_or_default()
            ));
        }
        for r in &self.rejected {
            out.push_str(&format!(
                "rejected,{},,,{}\n",
                csv_field(&r.file),
                csv_field(&r.problem)
            ));
        }
        out
    }
}

fn band_name(b: Band) -> &'static str {
    match b {
        Band::Management => "management",
        Band::Hybrid => "hybrid",
        Band::Technical => "technical",
    }
}

fn csv_field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}
