//! What the anonymous exports contain: one row per usable result and one
//! per result × statement, with no name, no notes, no mentor review, no
//! file name and no free text a person typed — only the anonymous id, the
//! bank, the outcome, the scores and the keyed answers. The browser writes
//! them as CSV; `crossroads cohort --parquet` as Parquet, with the same
//! columns.

use super::bank::Bank;
use super::reliability::{statements, Keying, Statement};
use super::result_file::ResultFile;
use super::score::{Band, Profile};

/// One usable result.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    /// 1, 2, 3… in the order the results were read; joins the two tables
    /// (the anonymous id does not: a retake shares it, an old file lacks it).
    pub result: u64,
    pub respondent: Option<String>,
    pub bank_id: String,
    pub bank_version: String,
    pub finished: bool,
    /// When the file was last saved (or started), as written in it: orders
    /// a person's attempts.
    pub saved: Option<String>,
    pub band: &'static str,
    pub leaning: f64,
    pub confidence: f64,
    /// Per dimension, in bank order.
    pub scores: Vec<Option<f64>>,
    pub target_role: Option<String>,
    /// Per statement (see [`Rows::statements`]), after reverse keying.
    pub keyed: Vec<Option<u8>>,
}

/// Builds rows for one bank.
#[derive(Debug, Clone)]
pub struct Rows {
    pub statements: Vec<Statement>,
    /// Dimension ids in bank order.
    pub dimensions: Vec<String>,
    keying: Keying,
    next: u64,
}

impl Rows {
    pub fn new(bank: &Bank) -> Self {
        let statements = statements(bank);
        Rows {
            keying: Keying::new(&statements),
            statements,
            dimensions: bank.dimensions.iter().map(|d| d.id.to_string()).collect(),
            next: 0,
        }
    }

    /// The next row, from a file and its profile.
    pub fn row(&mut self, file: &ResultFile, profile: &Profile) -> ResultRow {
        self.next += 1;
        let s = &file.session;
        ResultRow {
            result: self.next,
            respondent: file.respondent.map(|id| id.to_string()),
            bank_id: s.bank_id.clone(),
            bank_version: s.bank_version.clone(),
            finished: s.finished,
            saved: s.updated.clone().or_else(|| s.started.clone()),
            band: band_name(profile.band),
            leaning: profile.leaning,
            confidence: profile.confidence.value,
            scores: (0..self.dimensions.len())
                .map(|i| profile.dimensions.get(i).and_then(|d| d.score))
                .collect(),
            target_role: s.role.as_ref().map(|r| r.to_string()),
            keyed: self.keying.keyed(&self.statements, &s.answers),
        }
    }

    /// The column names of the results table.
    pub fn result_columns(&self) -> Vec<String> {
        let mut cols: Vec<String> = [
            "result",
            "respondent",
            "bank_id",
            "bank_version",
            "finished",
            "saved",
            "band",
            "leaning",
            "confidence",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        cols.extend(self.dimensions.iter().map(|d| score_column(d)));
        cols.push("target_role".to_owned());
        cols
    }

    /// The results table as CSV.
    pub fn results_csv(&self, rows: &[ResultRow]) -> String {
        let mut out = self.result_columns().join(",");
        out.push('\n');
        for r in rows {
            let mut fields = vec![
                r.result.to_string(),
                text(r.respondent.as_deref().unwrap_or("")),
                text(&r.bank_id),
                text(&r.bank_version),
                r.finished.to_string(),
                text(r.saved.as_deref().unwrap_or("")),
                r.band.to_owned(),
                crate::core::text::fixed(r.leaning, 3),
                crate::core::text::fixed(r.confidence, 3),
            ];
            fields.extend(r.scores.iter().map(|s| {
                s.map(|v| crate::core::text::fixed(v, 3))
                    .unwrap_or_default()
            }));
            fields.push(text(r.target_role.as_deref().unwrap_or("")));
            out.push_str(&fields.join(","));
            out.push('\n');
        }
        out
    }

    /// The answers table as CSV: one line per result × statement.
    pub fn answers_csv(&self, rows: &[ResultRow]) -> String {
        let mut out = String::from("result,respondent,item,dimension,keyed\n");
        for r in rows {
            let who = text(r.respondent.as_deref().unwrap_or(""));
            for (st, k) in self.statements.iter().zip(&r.keyed) {
                out.push_str(&format!(
                    "{},{who},{},{},{}\n",
                    r.result,
                    text(&st.item),
                    text(&st.dimension),
                    k.map(|v| v.to_string()).unwrap_or_default()
                ));
            }
        }
        out
    }
}

/// The results-table column of a dimension's score.
pub fn score_column(dimension: &str) -> String {
    format!("score_{dimension}")
}

pub fn band_name(b: Band) -> &'static str {
    match b {
        Band::Management => "management",
        Band::Hybrid => "hybrid",
        Band::Technical => "technical",
    }
}

/// A quoted CSV text field, defused so a spreadsheet never runs it as a
/// formula (the bank id and version come from the file and could be
/// anything).
fn text(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}
