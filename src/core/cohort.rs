//! A cohort at a glance for a program's facilitator: many participants'
//! result files folded into one summary — how leanings are distributed, the
//! average on each topic — with unusable files skipped, the first hundred
//! of them listed.
//!
//! Files are added one at a time and only running totals are kept, so
//! memory stays flat however many files there are.

use serde::Serialize;

use super::bank::Bank;
use super::career::catalog::{Activity, Catalog, CertId, Role, SkillId};
use super::career::date::Date;
use super::career::eligibility::eligibility;
use super::reliability::{Instrument, Reliability, ScaleAlpha};
use super::result_file::{read_result, ResultFile, MAX_BYTES};
use super::score::{score_figures, Band, ConfidenceLevel, Profile};
use super::text::fixed;
use crate::core::map::sort_by;

/// The cohort against one target role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleSummary {
    pub role: String,
    /// Per required skill: mean self-rating, the level required, and how
    /// many participants are below it.
    pub skills: Vec<SkillSummary>,
    /// Required skills by how many participants fall short, most first.
    pub common_gaps: Vec<(SkillId, usize)>,
    /// Certifications and how many participants may sit them today.
    pub eligible_now: Vec<(CertId, usize)>,
    /// Group sessions suggested for the most shared gaps.
    pub sessions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillSummary {
    pub skill: SkillId,
    /// The mean over those who rated the skill (0 when nobody did): an
    /// unrated skill is unknown, not level 0.
    pub mean: f64,
    pub required: u8,
    /// Of those who rated it, how many are below the required level.
    pub below: usize,
    /// How many participants rated the skill.
    pub rated: usize,
}

struct RoleTotals<'a> {
    catalog: &'a Catalog,
    role: &'a Role,
    today: Date,
    /// Per required skill: sum of levels, how many below, how many rated.
    sums: Vec<(f64, usize, usize)>,
    eligible: Vec<usize>,
}

/// One participant in the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub name: String,
    pub band: Band,
    pub leaning: f64,
    /// The chance, in percent, that a retake lands in the same band.
    pub confidence: f64,
    pub level: ConfidenceLevel,
    /// Topic scores 0–100 in bank order (`None`: not enough answers).
    pub topics: Vec<Option<f64>>,
}

/// Skipped files listed by name in a summary, in reading order; any more
/// are only counted ([`CohortSummary::rejected_not_listed`]). A folder of a
/// million files with a broken copy routine would otherwise list every one
/// of them, in memory and on the page.
pub const LISTED_REJECTED: usize = 100;

impl Participant {
    /// The participant of a usable file: named as in [`ResultFile::label`].
    pub fn new(file_name: &str, file: &ResultFile, profile: &Profile) -> Self {
        Participant {
            name: file.label(file_name),
            band: profile.band,
            leaning: profile.leaning,
            confidence: profile.confidence.value,
            level: profile.confidence.level,
            topics: profile.dimensions.iter().map(|d| d.score).collect(),
        }
    }
}

/// A file that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    pub file: String,
    /// Why, in plain words.
    pub problem: String,
    /// The technical detail, when there is any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The running aggregate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortSummary {
    pub participants: usize,
    pub management: usize,
    pub hybrid: usize,
    pub technical: usize,
    /// Participants at each confidence level: low, medium, high.
    pub confidence_levels: [usize; 3],
    /// Mean score per dimension (bank order), over those with a score.
    pub dimension_means: Vec<(String, Option<f64>)>,
    pub mean_leaning: Option<f64>,
    /// Listed participants (kept only when `keep_people` is on).
    pub people: Vec<Participant>,
    /// The first [`LISTED_REJECTED`] files that could not be used.
    pub rejected: Vec<Rejected>,
    /// How many more files could not be used than are listed.
    pub rejected_not_listed: usize,
    /// The cohort against a chosen role, when one was chosen.
    pub role: Option<RoleSummary>,
    /// Cronbach's α per dimension (see [`super::reliability`]).
    pub reliability: Vec<ScaleAlpha>,
    /// Item–rest and inter-dimension correlations, norms, retakes.
    pub instrument: Instrument,
}

/// A file imported and scored, or why it cannot be used.
pub type Prepared = Result<Box<(ResultFile, Profile)>, Refused>;

/// Why a file is left out: in words, and the technical detail apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub problem: String,
    pub detail: Option<String>,
}

impl From<String> for Refused {
    fn from(problem: String) -> Self {
        Refused {
            problem,
            detail: None,
        }
    }
}

/// Why the cohort page could not read a chosen file's bytes; the file is
/// then listed as skipped with these words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChosenFileError {
    /// A file not named `.json` and over [`MAX_BYTES`] (a photo dropped by
    /// mistake): never read, so never held whole in memory.
    #[error(
        "the file is {} KB, over the {} KB limit",
        fixed(*.bytes as f64 / 1024.0, 0),
        MAX_BYTES / 1024
    )]
    TooLarge { bytes: u64 },
    /// The browser failed to read it (moved or deleted since it was
    /// chosen, or not allowed).
    #[error("the file could not be read")]
    Unreadable,
    /// An archive's entry that is encrypted.
    #[error("it is encrypted: unpack the archive with its password, then choose the files")]
    Encrypted,
    /// An archive's entry compressed with neither of the two methods every
    /// tool writes (stored, deflate).
    #[error("it is compressed in a way the browser cannot unpack: unpack the archive, then choose the files")]
    OtherMethod,
    /// An archive, or one of its entries, that cannot be unpacked.
    #[error("it is damaged, or not a .zip archive")]
    Damaged,
    /// An archive in the ZIP64 form, which only the command line reads.
    #[error("the archive is over 4 GB or holds over 65,535 files: `crossroads cohort` reads it")]
    Zip64,
    /// An archive without a single `.json` entry.
    #[error("the archive holds no .json file")]
    NoResultFiles,
    /// An archive chosen where the page's file-reading worker cannot run.
    #[error("archives are unpacked by the page's file-reading worker, which could not start here: unpack it, then choose its files")]
    ArchiveNeedsWorker,
}

/// Whether an archive's entry may be a result file: a `.json` file, and
/// not the metadata macOS adds to the archives it makes (`__MACOSX/…`,
/// `._name.json`: one for every file, none of them a result). The cohort
/// page's worker (`static/read-files.js`) chooses entries the same way.
pub fn is_result_entry(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    name.ends_with(".json") && !name.starts_with("__MACOSX/") && !file.starts_with("._")
}

/// Whether a file found in a chosen folder is read as part of the cohort:
/// a result file (as [`is_result_entry`]) or an archive of them. Anything
/// else a folder holds (notes, spreadsheets, what macOS adds) is passed
/// over, by the command and the cohort page alike.
pub fn is_cohort_file(name: &str) -> bool {
    is_result_entry(name) || is_archive(name)
}

/// Whether a chosen file is a `.zip` archive of result files, which the
/// cohort page unpacks (by its name, as the file-reading worker decides).
pub fn is_archive(name: &str) -> bool {
    name.len() >= 4 && name.as_bytes()[name.len() - 4..].eq_ignore_ascii_case(b".zip")
}

impl ChosenFileError {
    /// Why the file-reading worker could not unpack an archive or one of
    /// its entries, from the word it sends (`static/read-files.js`).
    pub fn from_worker(why: &str) -> ChosenFileError {
        match why {
            "encrypted" => ChosenFileError::Encrypted,
            "method" => ChosenFileError::OtherMethod,
            "zip64" => ChosenFileError::Zip64,
            "empty" => ChosenFileError::NoResultFiles,
            _ => ChosenFileError::Damaged,
        }
    }

    /// Whether a chosen file is refused before it is read. A `.json`
    /// file's `size` is not asked: for a file on disk that is a synchronous
    /// look-up costing more than the read (0.15 ms a file in Chromium),
    /// and the importer refuses anything over [`MAX_BYTES`] before parsing
    /// it. Nor is an archive's: its entries are checked as they are
    /// unpacked.
    pub fn check(name: &str, size: impl FnOnce() -> u64) -> Result<(), ChosenFileError> {
        if name.ends_with(".json") || is_archive(name) {
            return Ok(());
        }
        let bytes = size();
        if bytes > MAX_BYTES as u64 {
            return Err(ChosenFileError::TooLarge { bytes });
        }
        Ok(())
    }
}

/// The part of adding a file that needs nothing but the bank: importing and
/// scoring it. Pure, so a large cohort can prepare files on several threads
/// and fold them in order.
///
/// The profile carries the figures only (see [`score_figures`]): nothing
/// a cohort shows needs how each answer moved the leaning.
pub fn prepare(bank: &Bank, text: &str) -> Prepared {
    let file = read_result(text).map_err(|e| Refused {
        problem: e.to_string(),
        detail: e.detail(),
    })?;
    let profile = score_figures(bank, &file.session.answers);
    if profile.answered == 0 {
        return Err("it has no answers to this questionnaire".to_owned().into());
    }
    Ok(Box::new((file, profile)))
}

/// Folds result files into a [`CohortSummary`].
pub struct Cohort<'a> {
    bank: &'a Bank,
    keep_people: bool,
    count: usize,
    bands: [usize; 3],
    levels: [usize; 3],
    leaning_sum: f64,
    dim_sums: Vec<(f64, usize)>,
    people: Vec<Participant>,
    rejected: Vec<Rejected>,
    rejected_not_listed: usize,
    role: Option<RoleTotals<'a>>,
    stats: Reliability,
}

impl<'a> Cohort<'a> {
    /// Also measures the cohort against `role`: skill levels, common gaps,
    /// certifications open to them on `today`, and suggested group sessions.
    pub fn with_role(mut self, catalog: &'a Catalog, role: &'a Role, today: Date) -> Self {
        self.role = Some(RoleTotals {
            catalog,
            role,
            today,
            sums: vec![(0.0, 0, 0); role.requires.len()],
            eligible: vec![0; catalog.certifications.len()],
        });
        self
    }

    /// `keep_people` lists each participant (the browser view); the native
    /// command for very large cohorts turns it off to keep memory flat.
    pub fn new(bank: &'a Bank, keep_people: bool) -> Self {
        Cohort {
            bank,
            keep_people,
            count: 0,
            bands: [0; 3],
            levels: [0; 3],
            leaning_sum: 0.0,
            dim_sums: vec![(0.0, 0); bank.dimensions.len()],
            people: Vec::new(),
            rejected: Vec::new(),
            rejected_not_listed: 0,
            role: None,
            stats: Reliability::new(bank),
        }
    }

    /// Adds one file; an unusable file is recorded, never fatal.
    pub fn add(&mut self, file_name: &str, text: &str) {
        self.add_with(file_name, text, |_, _| {});
    }

    /// [`Cohort::add`], also handing each usable file and its profile to
    /// `visit` (the anonymous exports are written from there).
    pub fn add_with(
        &mut self,
        file_name: &str,
        text: &str,
        visit: impl FnMut(&ResultFile, &Profile),
    ) {
        self.add_prepared(file_name, prepare(self.bank, text), visit);
    }

    /// Adds a file already read by [`prepare`] (which may run on another
    /// thread); `visit` as in [`Cohort::add_with`].
    pub fn add_prepared(
        &mut self,
        file_name: &str,
        prepared: Prepared,
        mut visit: impl FnMut(&ResultFile, &Profile),
    ) {
        let (file, profile) = match prepared {
            Ok(p) => *p,
            Err(why) => return self.record(file_name, why.problem, why.detail),
        };
        self.count += 1;
        self.bands[match profile.band {
            Band::Management => 0,
            Band::Hybrid => 1,
            Band::Technical => 2,
        }] += 1;
        self.leaning_sum += profile.leaning;
        self.levels[match profile.confidence.level {
            ConfidenceLevel::Low => 0,
            ConfidenceLevel::Medium => 1,
            ConfidenceLevel::High => 2,
        }] += 1;
        self.stats.add(&file, &profile);
        visit(&file, &profile);
        for (sum, d) in self.dim_sums.iter_mut().zip(&profile.dimensions) {
            if let Some(s) = d.score {
                sum.0 += s;
                sum.1 += 1;
            }
        }
        if let Some(rt) = &mut self.role {
            let s = &file.session;
            for ((skill, req), sum) in rt.role.requires.iter().zip(rt.sums.iter_mut()) {
                if let Some(level) = s.skills.get(skill).copied() {
                    sum.0 += f64::from(level);
                    sum.1 += usize::from(level < req.level);
                    sum.2 += 1;
                }
            }
            for (cert, n) in rt.catalog.certifications.iter().zip(rt.eligible.iter_mut()) {
                if !s.held.contains(&cert.id)
                    && eligibility(rt.catalog, cert, &s.experience, &s.held, rt.today).is_now()
                {
                    *n += 1;
                }
            }
        }
        if self.keep_people {
            self.people
                .push(Participant::new(file_name, &file, &profile));
        }
    }

    /// Records a file that could not even be read, and why.
    pub fn reject(&mut self, file_name: &str, problem: impl std::fmt::Display) {
        self.record(file_name, problem.to_string(), None);
    }

    fn record(&mut self, file_name: &str, problem: String, detail: Option<String>) {
        if self.rejected.len() < LISTED_REJECTED {
            self.rejected.push(Rejected {
                file: file_name.to_owned(),
                problem,
                detail,
            });
        } else {
            self.rejected_not_listed += 1;
        }
    }

    pub fn summary(&self) -> CohortSummary {
        CohortSummary {
            participants: self.count,
            management: self.bands[0],
            hybrid: self.bands[1],
            technical: self.bands[2],
            confidence_levels: self.levels,
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
            rejected_not_listed: self.rejected_not_listed,
            role: self.role.as_ref().map(|rt| self.role_summary(rt)),
            reliability: self.stats.alphas(),
            instrument: self.stats.instrument(),
        }
    }

    /// Where `leaning` falls in this cohort (0–100), or `None` when too
    /// few to judge.
    pub fn percentile_rank(&self, leaning: f64) -> Option<f64> {
        self.stats.percentile_rank(leaning)
    }

    fn role_summary(&self, rt: &RoleTotals) -> RoleSummary {
        let skills: Vec<SkillSummary> = rt
            .role
            .requires
            .iter()
            .zip(&rt.sums)
            .map(|((skill, req), (sum, below, rated))| SkillSummary {
                skill: skill.clone(),
                mean: if *rated == 0 {
                    0.0
                } else {
                    sum / *rated as f64
                },
                required: req.level,
                below: *below,
                rated: *rated,
            })
            .collect();
        let mut common_gaps: Vec<(SkillId, usize)> = skills
            .iter()
            .filter(|s| s.below > 0)
            .map(|s| (s.skill.clone(), s.below))
            .collect();
        sort_by(&mut common_gaps, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let eligible_now = rt
            .catalog
            .certifications
            .iter()
            .zip(&rt.eligible)
            .filter(|(_, n)| **n > 0)
            .map(|(c, n)| (c.id.clone(), *n))
            .collect();
        let sessions = common_gaps
            .iter()
            .take(3)
            .map(|(skill, count)| {
                let name = rt.catalog.skill(skill).map(|s| s.name.as_str()).unwrap_or(skill.as_str());
                let mut acts: Vec<&Activity> = rt
                    .catalog
                    .activities
                    .iter()
                    .filter(|a| a.builds.contains_key(skill))
                    .collect();
                sort_by(&mut acts, |a, b| b.builds[skill].cmp(&a.builds[skill]).then(a.hours.total_cmp(&b.hours)));
                let ideas: Vec<&str> = acts.iter().take(2).map(|a| a.name.as_str()).collect();
                if ideas.is_empty() {
                    format!("{name}: {count} participants are below the level {} asks; a group session on it would help them.", rt.role.name)
                } else {
                    format!(
                        "{name}: {count} participants are below the level {} asks. A group session could start with: {}.",
                        rt.role.name,
                        ideas.join("; ")
                    )
                }
            })
            .collect();
        RoleSummary {
            role: rt.role.id.to_string(),
            skills,
            common_gaps,
            eligible_now,
            sessions,
        }
    }
}

impl CohortSummary {
    /// Every file that could not be used, listed or not.
    pub fn skipped(&self) -> usize {
        self.rejected.len() + self.rejected_not_listed
    }
}

/// The byte-order mark that tells spreadsheet programs a CSV file is UTF-8
/// (without it, Excel reads "Zoë" as "ZoÃ«").
pub const BOM: &str = "\u{feff}";

/// The start of the participants table (see
/// [`CohortSummary::participants_csv`]): the byte-order mark and the
/// header line. `crossroads cohort --csv` writes this, then a
/// [`participant_csv_row`] per participant as they are read, so the
/// command writes the browser's table without keeping the list.
pub fn participants_csv_head(bank: &Bank) -> String {
    let mut header = vec![
        "Name".to_owned(),
        "Track".to_owned(),
        "Leaning (-100 technical to +100 management)".to_owned(),
        "Confidence (0-100)".to_owned(),
    ];
    header.extend(
        bank.dimensions
            .iter()
            .map(|d| format!("{} (0-100)", d.name)),
    );
    let mut out = String::from(BOM);
    out.push_str(&csv_row(&header));
    out
}

/// One participant's line of the participants table.
pub fn participant_csv_row(bank: &Bank, p: &Participant) -> String {
    let track = match p.band {
        Band::Management => &bank.tracks.management.name,
        Band::Hybrid => &bank.tracks.hybrid.name,
        Band::Technical => &bank.tracks.technical.name,
    };
    let mut row = vec![
        p.name.clone(),
        track.clone(),
        crate::core::text::fixed(p.leaning, 1),
        crate::core::text::fixed(p.confidence, 0),
    ];
    row.extend(p.topics.iter().map(|t| {
        t.map(|v| crate::core::text::fixed(v, 1))
            .unwrap_or_default()
    }));
    csv_row(&row)
}

impl CohortSummary {
    /// One row per participant, with readable headers: name, track,
    /// leaning, confidence and every topic score. UTF-8 with a BOM.
    pub fn participants_csv(&self, bank: &Bank) -> String {
        let mut out = participants_csv_head(bank);
        for p in &self.people {
            out.push_str(&participant_csv_row(bank, p));
        }
        out
    }

    /// The cohort against the chosen role, one row per required skill,
    /// with readable headers; `None` without a role. UTF-8 with a BOM.
    pub fn role_csv(&self, cat: &Catalog) -> Option<String> {
        let role = self.role.as_ref()?;
        let mut out = String::from(BOM);
        out.push_str(&csv_row(&[
            "Role".to_owned(),
            "Skill".to_owned(),
            "Level the role asks (0-4)".to_owned(),
            "Participants who rated it".to_owned(),
            "Average of those who rated it (0-4)".to_owned(),
            "Of those, below the level".to_owned(),
        ]));
        let role_name = cat
            .roles
            .iter()
            .find(|r| r.id.as_str() == role.role)
            .map(|r| r.name.clone())
            .unwrap_or_else(|| role.role.clone());
        for s in &role.skills {
            out.push_str(&csv_row(&[
                role_name.clone(),
                cat.skill(&s.skill)
                    .map(|k| k.name.clone())
                    .unwrap_or_else(|| s.skill.to_string()),
                s.required.to_string(),
                s.rated.to_string(),
                if s.rated == 0 {
                    String::new()
                } else {
                    crate::core::text::fixed(s.mean, 2)
                },
                s.below.to_string(),
            ]));
        }
        Some(out)
    }
}

/// One CSV line (CRLF, as RFC 4180 asks): plain numbers as numbers (so a
/// spreadsheet can sum them, and a negative leaning stays a number), every
/// other field quoted and defused through [`csv_field`].
fn csv_row(fields: &[String]) -> String {
    let number = |f: &str| {
        !f.is_empty()
            && f.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && crate::core::text::decimal(f).is_some()
    };
    let mut line = fields
        .iter()
        .map(|f| if number(f) { f.clone() } else { csv_field(f) })
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn csv_field(text: &str) -> String {
    // OWASP's list: a spreadsheet may run a cell that starts with any of
    // these as a formula (TAB and CR included: some strip them first).
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}
