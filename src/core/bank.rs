//! The aptitude question bank: dimensions, Likert statements and workplace
//! scenarios, as loaded from `questions/bank.json` and validated.

use serde::Serialize;

use super::json::{from_json, read_file, variant, At, Fail, Fields, FromJson, Json};
use super::problems::Problem;

/// The least number of items a dimension needs to be measured reliably
/// (published practice: 6–10 items per scale for α ≥ 0.70).
pub const MIN_ITEMS_PER_DIMENSION: usize = 6;
/// Scenario option weights lie in `-MAX_WEIGHT..=MAX_WEIGHT`.
pub const MAX_WEIGHT: i32 = 2;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl $crate::core::json::FromJson for $name {
            fn from_json(
                v: &$crate::core::json::Json,
                at: &$crate::core::json::At,
            ) -> Result<Self, $crate::core::json::Fail> {
                <String as $crate::core::json::FromJson>::from_json(v, at).map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use id_type;

id_type!(
    /// Names a dimension such as `people_orientation`.
    DimensionId
);
id_type!(
    /// Names a question (Likert statement or scenario).
    ItemId
);
id_type!(
    /// Names one option of a scenario, unique within it.
    OptionId
);
id_type!(
    /// Names a source article.
    SourceId
);

/// The track a dimension points to.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Counts toward management in the leaning.
    Management,
    /// Counts toward the technical track in the leaning.
    Technical,
    /// Wanting a role that mixes both (such as team lead): shown, and used
    /// to tell "drawn to both" from "drawn to neither", but not part of the
    /// leaning.
    Hybrid,
    /// Suits both tracks alike: shown as a topic of its own, not part of
    /// the leaning.
    Neither,
}

impl Track {
    /// Whether the dimension counts in the leaning.
    pub fn in_leaning(self) -> bool {
        matches!(self, Track::Management | Track::Technical)
    }
}

impl Track {
    /// The track a leaning points to (−100 technical … +100 management; the
    /// middle counts as management).
    pub fn of_leaning(leaning: f64) -> Track {
        if leaning >= 0.0 {
            Track::Management
        } else {
            Track::Technical
        }
    }

    /// "management" or "technical", for a sentence.
    pub fn word(self) -> &'static str {
        match self {
            Track::Management => "management",
            Track::Technical => "technical",
            Track::Hybrid => "mixed",
            Track::Neither => "neither",
        }
    }
}

/// A whole bank as the author wrote it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Lets editors find the schema; ignored by Crossroads.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: String,
    pub version: String,
    pub title: String,
    /// The five Likert labels, from "strongly disagree" to "strongly agree".
    pub scale: Vec<String>,
    pub tracks: Tracks,
    pub switching_note: String,
    pub sources: Vec<Source>,
    pub dimensions: Vec<Dimension>,
    pub items: Vec<Item>,
    /// The question order of earlier versions of this bank, so that share
    /// links made with them (answers in bank order) still open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Layout>,
}

/// The question order of one earlier bank version.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub version: String,
    pub items: Vec<LayoutItem>,
}

/// One question of an earlier version: its id and, for a scenario, its
/// option ids in order.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutItem {
    pub id: ItemId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionId>,
}

/// What each of the three outcomes means.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tracks {
    pub management: TrackInfo,
    pub hybrid: TrackInfo,
    pub technical: TrackInfo,
    /// What a middle result means when the person is drawn to both tracks
    /// or to neither (optional; needs a `hybrid` dimension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle: Option<Middle>,
}

/// The two readings of a result in the middle.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Middle {
    /// Drawn to both tracks: a mixed role such as team lead may fit.
    pub both: String,
    /// Drawn to neither: the questionnaire found no clear pull either way.
    pub neither: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TrackInfo {
    pub name: String,
    pub summary: String,
    pub criteria: Vec<String>,
}

/// A published article the content draws on.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub used_for: String,
}

/// One scale of the questionnaire. A high score means the `high_means` pole.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: DimensionId,
    pub name: String,
    pub track: Track,
    /// How strongly the dimension counts toward its track, in `(0, 1]`.
    pub weight: f64,
    pub high_means: String,
    pub low_means: String,
    pub why: String,
    pub source: SourceId,
}

/// One question.
///
/// Read from JSON as a flat [`RawItem`] (so that serde errors keep their
/// exact position) and turned into this enum once its kind is checked.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(try_from = "RawItem", tag = "kind", rename_all = "snake_case")]
pub enum Item {
    /// A statement answered on the five-point agreement scale.
    Likert(LikertItem),
    /// A workplace situation with options that weigh dimensions.
    Scenario(ScenarioItem),
}

/// An item as written: the fields of every kind, checked in `TryFrom`.
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    serde(deny_unknown_fields)
)]
pub struct RawItem {
    id: ItemId,
    kind: ItemKind,
    text: String,
    dimension: Option<DimensionId>,
    reverse: Option<bool>,
    options: Option<Vec<ScenarioOption>>,
}

#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    serde(rename_all = "snake_case")
)]
#[derive(Clone, Copy)]
enum ItemKind {
    Likert,
    Scenario,
}

/// Why an item as written is not a question: its kind and its fields
/// disagree. Each names the item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    /// A statement with scenario options.
    #[error("likert item \"{0}\" cannot have options")]
    LikertWithOptions(ItemId),
    /// A statement that says nothing of the dimension it measures.
    #[error("likert item \"{0}\" needs a dimension")]
    LikertWithoutDimension(ItemId),
    /// A scenario with a statement's `dimension` or `reverse`.
    #[error("scenario \"{0}\" weighs dimensions through its options; remove \"dimension\" and \"reverse\"")]
    ScenarioWithDimension(ItemId),
    /// A scenario without options to choose from.
    #[error("scenario \"{0}\" needs options")]
    ScenarioWithoutOptions(ItemId),
}

impl TryFrom<RawItem> for Item {
    type Error = ItemError;

    fn try_from(raw: RawItem) -> Result<Item, ItemError> {
        match raw.kind {
            ItemKind::Likert => {
                if raw.options.is_some() {
                    return Err(ItemError::LikertWithOptions(raw.id));
                }
                let Some(dimension) = raw.dimension else {
                    return Err(ItemError::LikertWithoutDimension(raw.id));
                };
                Ok(Item::Likert(LikertItem {
                    dimension,
                    reverse: raw.reverse.unwrap_or(false),
                    id: raw.id,
                    text: raw.text,
                }))
            }
            ItemKind::Scenario => {
                if raw.dimension.is_some() || raw.reverse.is_some() {
                    return Err(ItemError::ScenarioWithDimension(raw.id));
                }
                let Some(options) = raw.options else {
                    return Err(ItemError::ScenarioWithoutOptions(raw.id));
                };
                Ok(Item::Scenario(ScenarioItem {
                    options,
                    id: raw.id,
                    text: raw.text,
                }))
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LikertItem {
    pub id: ItemId,
    pub dimension: DimensionId,
    /// Agreeing points to the low pole of the dimension.
    pub reverse: bool,
    pub text: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioItem {
    pub id: ItemId,
    pub text: String,
    pub options: Vec<ScenarioOption>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioOption {
    pub id: OptionId,
    pub text: String,
    pub weights: crate::core::map::Map<DimensionId, i32>,
}

impl FromJson for Bank {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        const FIELDS: &[&str] = &[
            "$schema",
            "id",
            "version",
            "title",
            "scale",
            "tracks",
            "switching_note",
            "sources",
            "dimensions",
            "items",
            "earlier",
        ];
        let f = Fields::of(v, at, "struct Bank", FIELDS)?;
        Ok(Bank {
            schema: f.opt("$schema")?,
            id: f.req("id")?,
            version: f.req("version")?,
            title: f.req("title")?,
            scale: f.req("scale")?,
            tracks: f.req("tracks")?,
            switching_note: f.req("switching_note")?,
            sources: f.req("sources")?,
            dimensions: f.req("dimensions")?,
            items: f.req("items")?,
            earlier: f.or_default("earlier")?,
        })
    }
}
from_json!(Layout {
    version: req,
    items: req
});
from_json!(LayoutItem {
    id: req,
    options: or_default
});
from_json!(Tracks {
    management: req,
    hybrid: req,
    technical: req,
    middle: opt
});
from_json!(Middle {
    both: req,
    neither: req
});
from_json!(TrackInfo {
    name: req,
    summary: req,
    criteria: req
});
from_json!(Source {
    id: req,
    title: req,
    publisher: opt,
    author: opt,
    date: opt,
    used_for: req
});
from_json!(Dimension {
    id: req,
    name: req,
    track: req,
    weight: req,
    high_means: req,
    low_means: req,
    why: req,
    source: req,
});
from_json!(ScenarioOption {
    id: req,
    text: req,
    weights: req
});
from_json!(RawItem {
    id: req,
    kind: req,
    text: req,
    dimension: opt,
    reverse: opt,
    options: opt
});

impl Track {
    /// Every track with its name in the files.
    pub const NAMES: &'static [(&'static str, Track)] = &[
        ("management", Track::Management),
        ("technical", Track::Technical),
        ("hybrid", Track::Hybrid),
        ("neither", Track::Neither),
    ];
}

impl FromJson for Track {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        variant(v, at, Track::NAMES)
    }
}

impl FromJson for ItemKind {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        variant(
            v,
            at,
            &[
                ("likert", ItemKind::Likert),
                ("scenario", ItemKind::Scenario),
            ],
        )
    }
}

/// An item is read with the fields of every kind, then checked against
/// its kind; a mismatch is reported at the item.
impl FromJson for Item {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        Item::try_from(RawItem::from_json(v, at)?).map_err(|e| at.fail(e.to_string()))
    }
}

impl Item {
    pub fn id(&self) -> &ItemId {
        match self {
            Item::Likert(i) => &i.id,
            Item::Scenario(i) => &i.id,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Item::Likert(i) => &i.text,
            Item::Scenario(i) => &i.text,
        }
    }
}

impl ScenarioItem {
    pub fn option(&self, id: &OptionId) -> Option<&ScenarioOption> {
        self.options.iter().find(|o| &o.id == id)
    }
}

impl Bank {
    /// Parses a bank without validating it: for a bank already validated,
    /// such as the built-in one (its tests validate it).
    pub fn parse(file: &str, text: &str) -> Result<Bank, Vec<Problem>> {
        read_file(file, text).map_err(|p| vec![p])
    }

    /// Parses and validates a bank. Returns every problem found, not only the
    /// first, so an author can fix them in one pass.
    pub fn from_json(file: &str, text: &str) -> Result<Bank, Vec<Problem>> {
        let bank = Bank::parse(file, text)?;
        let problems = bank.validate(file);
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(problems)
        }
    }

    /// What the bank says about a band: its name, summary and criteria.
    pub fn track_info(&self, band: super::score::Band) -> &TrackInfo {
        match band {
            super::score::Band::Management => &self.tracks.management,
            super::score::Band::Hybrid => &self.tracks.hybrid,
            super::score::Band::Technical => &self.tracks.technical,
        }
    }

    pub fn dimension(&self, id: &DimensionId) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| &d.id == id)
    }

    pub fn item(&self, id: &ItemId) -> Option<&Item> {
        self.items.iter().find(|i| i.id() == id)
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// Every problem in the bank, each with its JSON path.
    pub fn validate(&self, file: &str) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut p = |path: String, msg: String| out.push(Problem::new(file, path, msg));
        self.check_header(&mut p);
        let source_ids = self.check_sources(&mut p);
        let dim_ids = self.check_dimensions(&mut p, &source_ids);
        let per_dim = self.check_items(&mut p, &dim_ids);
        self.check_balance(&mut p, &dim_ids, &per_dim);
        self.check_earlier(&mut p);
        out
    }

    /// The bank's id, version and scale.
    fn check_header(&self, p: &mut impl FnMut(String, String)) {
        if self.id.trim().is_empty() {
            p("id".into(), "the bank id is empty".into());
        }
        if self.version.trim().is_empty() {
            p("version".into(), "the bank version is empty".into());
        }
        if self.scale.len() != 5 || self.scale.iter().any(|s| s.trim().is_empty()) {
            p(
                "scale".into(),
                "the scale needs exactly five non-empty labels".into(),
            );
        }
    }

    /// Sources: unique ids, titles.
    fn check_sources(&self, p: &mut impl FnMut(String, String)) -> Ids<'_> {
        let source_ids = Ids::new(self.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in self.sources.iter().enumerate() {
            if source_ids.is_repeat(i) {
                p(
                    format!("sources[{i}].id"),
                    format!("duplicate source id \"{}\"", s.id),
                );
            }
            if s.title.trim().is_empty() {
                p(format!("sources[{i}].title"), "the title is empty".into());
            }
        }
        source_ids
    }

    /// Dimensions: unique ids, texts, weights, sources, both tracks.
    fn check_dimensions(&self, p: &mut impl FnMut(String, String), source_ids: &Ids) -> Ids<'_> {
        let dim_ids = Ids::new(self.dimensions.iter().map(|d| d.id.as_str()));
        for (i, d) in self.dimensions.iter().enumerate() {
            let at = format!("dimensions[{i}]");
            if dim_ids.is_repeat(i) {
                p(
                    format!("{at}.id"),
                    format!("duplicate dimension id \"{}\"", d.id),
                );
            }
            for (field, text) in [
                ("name", &d.name),
                ("high_means", &d.high_means),
                ("low_means", &d.low_means),
                ("why", &d.why),
            ] {
                if text.trim().is_empty() {
                    p(format!("{at}.{field}"), "the text is empty".into());
                }
            }
            if !(d.weight > 0.0 && d.weight <= 1.0) {
                p(
                    format!("{at}.weight"),
                    format!(
                        "weight {} is outside (0, 1]",
                        super::problems::number(d.weight)
                    ),
                );
            }
            if !source_ids.contains(d.source.as_str()) {
                p(
                    format!("{at}.source"),
                    format!("unknown source \"{}\"", d.source),
                );
            }
        }
        if !self.dimensions.iter().any(|d| d.track == Track::Management)
            || !self.dimensions.iter().any(|d| d.track == Track::Technical)
        {
            p(
                "dimensions".into(),
                "the bank needs at least one management and one technical dimension".into(),
            );
        }
        dim_ids
    }

    /// Questions: unique ids, texts, known dimensions, scenario options and
    /// weights. Returns the statements and reverse-keyed statements per
    /// dimension, by the dimension's place among the sorted ids.
    fn check_items(
        &self,
        p: &mut impl FnMut(String, String),
        dim_ids: &Ids,
    ) -> Vec<(usize, usize)> {
        if self.items.len() > crate::core::map::MAX_ENTRIES {
            p(
                "items".into(),
                format!(
                    "the bank has {} questions; a bank holds at most {}",
                    self.items.len(),
                    crate::core::map::MAX_ENTRIES
                ),
            );
        }
        let item_ids = Ids::new(self.items.iter().map(|i| i.id().as_str()));
        // Statements and reverse-keyed statements per dimension, by the
        // dimension's place among the sorted ids.
        let mut per_dim: Vec<(usize, usize)> = vec![(0, 0); dim_ids.sorted.len()];
        for (i, item) in self.items.iter().enumerate() {
            let at = format!("items[{i}]");
            if item.id().0.trim().is_empty() {
                p(format!("{at}.id"), "the id is empty".into());
            } else if item_ids.is_repeat(i) {
                p(
                    format!("{at}.id"),
                    format!("duplicate item id \"{}\"", item.id()),
                );
            }
            if item.text().trim().is_empty() {
                p(format!("{at}.text"), "the text is empty".into());
            }
            match item {
                Item::Likert(l) => {
                    if let Some(e) = dim_ids
                        .position(l.dimension.as_str())
                        .and_then(|d| per_dim.get_mut(d))
                    {
                        e.0 += 1;
                        e.1 += usize::from(l.reverse);
                    } else {
                        p(
                            format!("{at}.dimension"),
                            format!("unknown dimension \"{}\"", l.dimension),
                        );
                    }
                }
                Item::Scenario(s) => {
                    if s.options.len() < 2 {
                        p(
                            format!("{at}.options"),
                            "a scenario needs at least two options".into(),
                        );
                    }
                    let option_ids = Ids::new(s.options.iter().map(|o| o.id.as_str()));
                    for (j, o) in s.options.iter().enumerate() {
                        let at = format!("{at}.options[{j}]");
                        if option_ids.is_repeat(j) {
                            p(
                                format!("{at}.id"),
                                format!("duplicate option id \"{}\"", o.id),
                            );
                        }
                        if o.text.trim().is_empty() {
                            p(format!("{at}.text"), "the text is empty".into());
                        }
                        if o.weights.is_empty() {
                            p(
                                format!("{at}.weights"),
                                "the option weighs no dimension".into(),
                            );
                        }
                        for (dim, w) in &o.weights {
                            if !dim_ids.contains(dim.as_str()) {
                                p(
                                    format!("{at}.weights.{dim}"),
                                    format!("unknown dimension \"{dim}\""),
                                );
                            }
                            if *w == 0 || w.abs() > MAX_WEIGHT {
                                p(
                                    format!("{at}.weights.{dim}"),
                                    format!(
                                        "weight {w} must be a non-zero whole number from -{MAX_WEIGHT} to {MAX_WEIGHT}"
                                    ),
                                );
                            }
                        }
                    }
                }
            }
        }
        per_dim
    }

    /// An earlier version's layout names a version other than this one.
    fn check_earlier(&self, p: &mut impl FnMut(String, String)) {
        for (i, layout) in self.earlier.iter().enumerate() {
            if layout.version.trim().is_empty() || layout.version == self.version {
                p(
                    format!("earlier[{i}].version"),
                    format!(
                        "an earlier version's layout needs a version other than the bank's own ({})",
                        self.version
                    ),
                );
            }
        }
    }

    /// Each dimension has enough statements, a third of them reverse-keyed.
    fn check_balance(
        &self,
        p: &mut impl FnMut(String, String),
        dim_ids: &Ids,
        per_dim: &[(usize, usize)],
    ) {
        for (i, d) in self.dimensions.iter().enumerate() {
            let (count, reversed) = dim_ids
                .position(d.id.as_str())
                .and_then(|d| per_dim.get(d).copied())
                .unwrap_or_default();
            if count < MIN_ITEMS_PER_DIMENSION {
                p(
                    format!("dimensions[{i}]"),
                    format!(
                        "dimension \"{}\" has {count} statements; it needs at least {MIN_ITEMS_PER_DIMENSION}",
                        d.id
                    ),
                );
            } else if reversed * 3 < count {
                p(
                    format!("dimensions[{i}]"),
                    format!(
                        "dimension \"{}\" has {reversed} reverse-keyed statements of {count}; at least a third must be reverse-keyed to guard against agreeing with everything",
                        d.id
                    ),
                );
            }
        }
    }
}

/// The ids of one list of a bank (sources, dimensions, questions, a
/// scenario's options), sorted once: duplicates and references are found
/// in O(n log n), however long the list. One type for every kind of id (as
/// text) keeps the wasm small.
struct Ids<'a> {
    /// The distinct ids, sorted.
    sorted: Vec<&'a str>,
    /// For each place in the list, whether its id came earlier in it.
    repeat: Vec<bool>,
}

impl<'a> Ids<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let ids: Vec<&str> = ids.collect();
        let order = crate::core::map::sorted_order(ids.len(), &|a, b| ids[a].cmp(ids[b]));
        let mut repeat = vec![false; ids.len()];
        for pair in order.windows(2) {
            // Equal ids are next to each other, the first place first.
            if ids[pair[0]] == ids[pair[1]] {
                repeat[pair[1]] = true;
            }
        }
        let mut sorted: Vec<&str> = order.into_iter().map(|i| ids[i]).collect();
        sorted.dedup();
        Ids { sorted, repeat }
    }

    /// Whether the id at place `i` of the list was already used before it.
    fn is_repeat(&self, i: usize) -> bool {
        self.repeat.get(i).copied().unwrap_or(false)
    }

    /// The place of `id` among the distinct sorted ids.
    fn position(&self, id: &str) -> Option<usize> {
        self.sorted.binary_search(&id).ok()
    }

    fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }
}
