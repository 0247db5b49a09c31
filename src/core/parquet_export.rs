//! `crossroads cohort --parquet DIR`: the anonymous rows (see
//! [`super::anon_rows`]) as two Parquet files for analysis tools —
//! `results.parquet` (one row per usable result) and `answers.parquet` (one
//! row per result × statement, the answer after reverse keying, null when
//! skipped).
//!
//! Written with the `parquet` crate's column writer alone (no Arrow): the
//! rows are flat and few-columned, and Arrow would double the compile. Rows
//! are buffered a row group at a time, so memory stays flat however many
//! results stream through.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{
    BoolType, ByteArray, ByteArrayType, DataType, DoubleType, Int32Type, Int64Type,
};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::types::{Type, TypePtr};

use super::anon_rows::{score_column, ResultRow, Rows};
use super::bank::Bank;
use super::result_file::ResultFile;
use super::score::Profile;

/// Results per row group: about 4,096 × the statements answer rows
/// (≈ 220,000 for the default bank) are held before each write.
const RESULTS_PER_GROUP: usize = 4096;

/// The results file's name inside the output folder.
pub const RESULTS_FILE: &str = "results.parquet";
/// The answers file's name inside the output folder.
pub const ANSWERS_FILE: &str = "answers.parquet";

/// An export being written.
pub struct ParquetExport {
    rows: Rows,
    buffer: Vec<ResultRow>,
    results: SerializedFileWriter<File>,
    answers: SerializedFileWriter<File>,
    items: Vec<ByteArray>,
    dimensions: Vec<ByteArray>,
}

/// Why the export could not be written: which file or column, and the
/// system's or the Parquet writer's words.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A column's type could not be built.
    #[error("column {name}: {source}")]
    Column { name: String, source: ParquetError },
    /// A file's schema could not be built.
    #[error("schema {name}: {source}")]
    Schema { name: String, source: ParquetError },
    /// The folder or a file in it could not be created.
    #[error("{}: cannot create: {source}", .path.display())]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The Parquet writer refused to start a file.
    #[error("{}: {source}", .path.display())]
    Open { path: PathBuf, source: ParquetError },
    /// Rows could not be written to, or the footer closed on, one of the
    /// two files ([`RESULTS_FILE`] or [`ANSWERS_FILE`]).
    #[error("{file}: {source}")]
    Write {
        file: &'static str,
        source: ParquetError,
    },
}

impl ExportError {
    fn write(file: &'static str) -> impl FnOnce(ParquetError) -> ExportError {
        move |source| ExportError::Write { file, source }
    }
}

fn column(
    name: &str,
    physical: Physical,
    optional: bool,
    text: bool,
) -> Result<TypePtr, ExportError> {
    Type::primitive_type_builder(name, physical)
        .with_repetition(if optional {
            Repetition::OPTIONAL
        } else {
            Repetition::REQUIRED
        })
        .with_logical_type(text.then_some(LogicalType::String))
        .build()
        .map(Arc::new)
        .map_err(|source| ExportError::Column {
            name: name.to_owned(),
            source,
        })
}

fn group(name: &str, fields: Vec<TypePtr>) -> Result<Arc<Type>, ExportError> {
    Type::group_type_builder(name)
        .with_fields(fields)
        .build()
        .map(Arc::new)
        .map_err(|source| ExportError::Schema {
            name: name.to_owned(),
            source,
        })
}

fn open(
    dir: &Path,
    name: &str,
    schema: Arc<Type>,
) -> Result<SerializedFileWriter<File>, ExportError> {
    let path = dir.join(name);
    let file = match File::create(&path) {
        Ok(file) => file,
        Err(source) => return Err(ExportError::Create { path, source }),
    };
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by("crossroads cohort".to_owned())
        .build();
    SerializedFileWriter::new(file, schema, Arc::new(props))
        .map_err(|source| ExportError::Open { path, source })
}

/// A results column's type, whether it may be null, and whether it is text.
/// The writer matches the same names, so schema and data cannot disagree.
fn result_column_kind(name: &str) -> (Physical, bool, bool) {
    match name {
        "result" => (Physical::INT64, false, false),
        "respondent" | "saved" | "target_role" => (Physical::BYTE_ARRAY, true, true),
        "bank_id" | "bank_version" | "band" => (Physical::BYTE_ARRAY, false, true),
        "finished" => (Physical::BOOLEAN, false, false),
        "leaning" | "confidence" => (Physical::DOUBLE, false, false),
        // Each dimension's score.
        _ => (Physical::DOUBLE, true, false),
    }
}

impl ParquetExport {
    /// Creates `dir` (if needed) and both files in it.
    pub fn create(dir: &Path, bank: &Bank) -> Result<Self, ExportError> {
        std::fs::create_dir_all(dir).map_err(|source| ExportError::Create {
            path: dir.to_owned(),
            source,
        })?;
        let rows = Rows::new(bank);
        let fields = rows
            .result_columns()
            .iter()
            .map(|name| {
                let (physical, optional, text) = result_column_kind(name);
                column(name, physical, optional, text)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let results = open(dir, RESULTS_FILE, group("results", fields)?)?;
        let answers = open(
            dir,
            ANSWERS_FILE,
            group(
                "answers",
                vec![
                    column("result", Physical::INT64, false, false)?,
                    column("respondent", Physical::BYTE_ARRAY, true, true)?,
                    column("item", Physical::BYTE_ARRAY, false, true)?,
                    column("dimension", Physical::BYTE_ARRAY, false, true)?,
                    column("keyed", Physical::INT32, true, false)?,
                ],
            )?,
        )?;
        Ok(ParquetExport {
            items: rows
                .statements
                .iter()
                .map(|s| ByteArray::from(s.item.as_str()))
                .collect(),
            dimensions: rows
                .statements
                .iter()
                .map(|s| ByteArray::from(s.dimension.as_str()))
                .collect(),
            rows,
            buffer: Vec::with_capacity(RESULTS_PER_GROUP),
            results,
            answers,
        })
    }

    /// Adds one usable result.
    pub fn push(&mut self, file: &ResultFile, profile: &Profile) -> Result<(), ExportError> {
        let row = self.rows.row(file, profile);
        self.buffer.push(row);
        if self.buffer.len() >= RESULTS_PER_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes what is left and closes both files.
    pub fn finish(mut self) -> Result<(), ExportError> {
        self.flush()?;
        self.results
            .close()
            .map_err(ExportError::write(RESULTS_FILE))?;
        self.answers
            .close()
            .map_err(ExportError::write(ANSWERS_FILE))?;
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.buffer);
        self.write_results(&rows)
            .map_err(ExportError::write(RESULTS_FILE))?;
        self.write_answers(&rows)
            .map_err(ExportError::write(ANSWERS_FILE))?;
        self.buffer = rows;
        self.buffer.clear();
        Ok(())
    }

    fn write_results(&mut self, rows: &[ResultRow]) -> parquet::errors::Result<()> {
        // Columns come in schema order, which is `result_columns`'.
        let names = self.rows.result_columns();
        let scores: Vec<String> = self
            .rows
            .dimensions
            .iter()
            .map(|d| score_column(d))
            .collect();
        let text =
            |f: fn(&ResultRow) -> Option<&str>| rows.iter().map(move |r| f(r).map(ByteArray::from));
        let mut group = self.results.next_row_group()?;
        let mut names = names.iter();
        while let Some(mut col) = group.next_column()? {
            let name = names.next().map(String::as_str).unwrap_or_default();
            match name {
                "result" => longs(&mut col, rows.iter().map(|r| r.result as i64), rows.len())?,
                "respondent" => optionals::<ByteArrayType>(
                    &mut col,
                    text(|r| r.respondent.as_deref()),
                    true,
                    rows.len(),
                )?,
                "bank_id" => optionals::<ByteArrayType>(
                    &mut col,
                    text(|r| Some(&r.bank_id)),
                    false,
                    rows.len(),
                )?,
                "bank_version" => optionals::<ByteArrayType>(
                    &mut col,
                    text(|r| Some(&r.bank_version)),
                    false,
                    rows.len(),
                )?,
                "finished" => {
                    let v: Vec<bool> = rows.iter().map(|r| r.finished).collect();
                    col.typed::<BoolType>().write_batch(&v, None, None)?;
                }
                "saved" => optionals::<ByteArrayType>(
                    &mut col,
                    text(|r| r.saved.as_deref()),
                    true,
                    rows.len(),
                )?,
                "band" => {
                    optionals::<ByteArrayType>(&mut col, text(|r| Some(r.band)), false, rows.len())?
                }
                "leaning" => optionals::<DoubleType>(
                    &mut col,
                    rows.iter().map(|r| Some(r.leaning)),
                    false,
                    rows.len(),
                )?,
                "confidence" => optionals::<DoubleType>(
                    &mut col,
                    rows.iter().map(|r| Some(r.confidence)),
                    false,
                    rows.len(),
                )?,
                "target_role" => optionals::<ByteArrayType>(
                    &mut col,
                    text(|r| r.target_role.as_deref()),
                    true,
                    rows.len(),
                )?,
                other => {
                    let d = scores.iter().position(|s| s == other);
                    optionals::<DoubleType>(
                        &mut col,
                        rows.iter()
                            .map(|r| d.and_then(|d| r.scores.get(d).copied().flatten())),
                        true,
                        rows.len(),
                    )?
                }
            }
            col.close()?;
        }
        group.close()?;
        Ok(())
    }

    fn write_answers(&mut self, rows: &[ResultRow]) -> parquet::errors::Result<()> {
        let per = self.items.len();
        let n = rows.len() * per;
        let mut group = self.answers.next_row_group()?;
        let mut index = 0;
        while let Some(mut col) = group.next_column()? {
            match index {
                0 => longs(
                    &mut col,
                    rows.iter()
                        .flat_map(|r| std::iter::repeat_n(r.result as i64, per)),
                    n,
                )?,
                1 => optionals::<ByteArrayType>(
                    &mut col,
                    rows.iter().flat_map(|r| {
                        let who = r.respondent.as_deref().map(ByteArray::from);
                        std::iter::repeat_n(who, per)
                    }),
                    true,
                    n,
                )?,
                2 => optionals::<ByteArrayType>(
                    &mut col,
                    rows.iter()
                        .flat_map(|_| self.items.iter().cloned().map(Some)),
                    false,
                    n,
                )?,
                3 => optionals::<ByteArrayType>(
                    &mut col,
                    rows.iter()
                        .flat_map(|_| self.dimensions.iter().cloned().map(Some)),
                    false,
                    n,
                )?,
                _ => optionals::<Int32Type>(
                    &mut col,
                    rows.iter()
                        .flat_map(|r| r.keyed.iter().map(|k| k.map(i32::from))),
                    true,
                    n,
                )?,
            }
            col.close()?;
            index += 1;
        }
        group.close()?;
        Ok(())
    }
}

/// Values per column chunk are known in advance (results, or results ×
/// statements): the buffers below are sized once rather than grown.
fn longs(
    col: &mut SerializedColumnWriter,
    values: impl Iterator<Item = i64>,
    n: usize,
) -> parquet::errors::Result<()> {
    let mut v: Vec<i64> = Vec::with_capacity(n);
    v.extend(values);
    col.typed::<Int64Type>().write_batch(&v, None, None)?;
    Ok(())
}

/// Writes values that may be missing (text, numbers, keyed answers); an
/// optional column gets definition levels (a required one never sees
/// `None`).
fn optionals<T: DataType>(
    col: &mut SerializedColumnWriter,
    values: impl Iterator<Item = Option<T::T>>,
    optional: bool,
    n: usize,
) -> parquet::errors::Result<()> {
    let mut present = Vec::with_capacity(n);
    let mut defs = Vec::with_capacity(if optional { n } else { 0 });
    for v in values {
        if optional {
            defs.push(i16::from(v.is_some()));
        }
        present.extend(v);
    }
    col.typed::<T>()
        .write_batch(&present, optional.then_some(defs.as_slice()), None)?;
    Ok(())
}
