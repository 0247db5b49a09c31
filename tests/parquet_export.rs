//! `crossroads cohort --parquet`: folders and a .zip archive streamed
//! through the real binary; both Parquet files read back with the parquet
//! crate and checked against the JSON summary it printed — counts, means,
//! α per dimension recomputed from the answers, percentiles — and searched
//! for any name or note (there must be none). Native only.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/support/generate.rs"]
mod generate;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crossroads::core::content::Content;
use crossroads::core::reliability::cronbach_alpha;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossroads-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

type Row = BTreeMap<String, Field>;

fn read(path: &Path) -> Vec<Row> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| {
            r.unwrap()
                .get_column_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .collect()
}

fn text(f: &Field) -> Option<&str> {
    match f {
        Field::Str(s) => Some(s),
        _ => None,
    }
}

fn number(f: &Field) -> Option<f64> {
    match f {
        Field::Double(v) => Some(*v),
        Field::Long(v) => Some(*v as f64),
        Field::Int(v) => Some(f64::from(*v)),
        _ => None,
    }
}

#[test]
fn parquet_read_back_matches_the_json_summary_and_holds_no_names() {
    let bank = Content::builtin().unwrap().bank;
    let dir = temp_dir("parquet");
    let files = generate::cohort(&bank, 240, 4, 21);
    let folder = dir.join("in");
    std::fs::create_dir_all(folder.join("sub")).unwrap();
    // Most as files in a folder tree, the rest in a .zip archive.
    let (loose, zipped) = files.split_at(200);
    for (i, f) in loose.iter().enumerate() {
        let sub = if i % 2 == 0 { "" } else { "sub" };
        std::fs::write(folder.join(sub).join(format!("p{i}.json")), f.to_json()).unwrap();
    }
    std::fs::write(
        folder.join("broken.json"),
        "{\"format\": \"crossroads-result\"",
    )
    .unwrap();
    std::fs::write(folder.join("ignored.txt"), "not a result").unwrap();
    // What macOS writes beside each file on a shared drive: passed over.
    std::fs::write(folder.join("sub").join("._p1.json"), b"\x00\x05\x16\x07").unwrap();
    let archive = dir.join("more.zip");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
        for (i, f) in zipped.iter().enumerate() {
            let method = if i % 2 == 0 {
                zip::CompressionMethod::Deflated
            } else {
                zip::CompressionMethod::Stored
            };
            let options = zip::write::SimpleFileOptions::default().compression_method(method);
            zip.start_file(format!("z/q{i}.json"), options).unwrap();
            zip.write_all(f.to_json().as_bytes()).unwrap();
        }
        zip.start_file("z/readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"hello").unwrap();
        // What macOS adds beside each file of an archive it makes: not
        // results, and not listed as skipped.
        for name in ["__MACOSX/z/._q0.json", "z/._q1.json"] {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
                .unwrap();
        }
        zip.finish().unwrap();
    }
    let out = dir.join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(["cohort", "--parquet"])
        .arg(&out)
        .arg(&folder)
        .arg(&archive)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(summary["participants"], files.len());
    assert_eq!(summary["rejected"].as_array().unwrap().len(), 1);

    // Results: one row per valid result.
    let results = read(&out.join("results.parquet"));
    assert_eq!(results.len(), files.len());
    for band in ["management", "hybrid", "technical"] {
        let n = results
            .iter()
            .filter(|r| text(&r["band"]) == Some(band))
            .count();
        assert_eq!(summary[band], n, "{band}");
    }
    let mean = results
        .iter()
        .map(|r| number(&r["leaning"]).unwrap())
        .sum::<f64>()
        / results.len() as f64;
    assert!((summary["mean_leaning"].as_f64().unwrap() - mean).abs() < 1e-9);
    for (i, d) in bank.dimensions.iter().enumerate() {
        let col = format!("score_{}", d.id);
        let scores: Vec<f64> = results.iter().filter_map(|r| number(&r[&col])).collect();
        let m = scores.iter().sum::<f64>() / scores.len() as f64;
        let json = summary["dimension_means"][i][1].as_f64().unwrap();
        assert!((json - m).abs() < 1e-9, "{col}");
    }
    assert!(results
        .iter()
        .all(|r| text(&r["respondent"]).is_some_and(|id| id.len() == 32)));
    let mut leanings: Vec<f64> = results
        .iter()
        .map(|r| number(&r["leaning"]).unwrap())
        .collect();
    leanings.sort_by(f64::total_cmp);
    for p in summary["instrument"]["leaning"]["percentiles"]
        .as_array()
        .unwrap()
    {
        let (pc, value) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
        let rank = (pc / 100.0 * leanings.len() as f64).ceil() as usize;
        assert!((leanings[rank - 1] - value).abs() <= 0.05 + 1e-9, "P{pc}");
    }

    // Answers: one row per result × statement; α from them equals the
    // summary's, computed over the complete sheets of each scale.
    let answers = read(&out.join("answers.parquet"));
    let statements = bank
        .items
        .iter()
        .filter(|i| matches!(i, crossroads::core::bank::Item::Likert(_)))
        .count();
    assert_eq!(answers.len(), files.len() * statements);
    assert!(
        answers.iter().any(|r| r["keyed"] == Field::Null),
        "skips are null"
    );
    for rel in summary["reliability"].as_array().unwrap() {
        let dim = rel["dimension"].as_str().unwrap();
        let mut sheets: BTreeMap<i64, Vec<Option<f64>>> = BTreeMap::new();
        for r in answers
            .iter()
            .filter(|r| text(&r["dimension"]) == Some(dim))
        {
            let Field::Long(result) = r["result"] else {
                panic!("result")
            };
            sheets.entry(result).or_default().push(number(&r["keyed"]));
        }
        let complete: Vec<Vec<f64>> = sheets
            .into_values()
            .filter_map(|v| v.into_iter().collect())
            .collect();
        assert_eq!(rel["n"], complete.len(), "{dim}");
        let alpha = cronbach_alpha(&complete).unwrap();
        assert!(
            (rel["alpha"].as_f64().unwrap() - alpha).abs() < 1e-9,
            "{dim}: {alpha}"
        );
    }

    // Nothing a person typed about themselves.
    for f in ["results.parquet", "answers.parquet"] {
        let bytes = std::fs::read(out.join(f)).unwrap();
        for secret in ["Participant", "private note"] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{f} holds {secret}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_archive_is_listed_not_fatal() {
    let dir = temp_dir("badzip");
    std::fs::write(dir.join("bad.zip"), b"PK\x03\x04 this is not really a zip").unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(["cohort"])
        .arg(dir.join("bad.zip"))
        .output()
        .unwrap();
    assert!(run.status.success());
    let summary: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(summary["participants"], 0);
    assert!(summary["rejected"][0]["problem"]
        .as_str()
        .unwrap()
        .contains("archive"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A folder that cannot be created is named, with the system's words, as
/// the `cohort` command prints it.
#[test]
fn an_export_folder_that_cannot_be_created_is_named() {
    use crossroads::core::parquet_export::{ExportError, ParquetExport};
    let dir = temp_dir("parquet-blocked");
    let blocker = dir.join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let target = blocker.join("out");
    let bank = Content::builtin().unwrap().bank;
    let Err(err) = ParquetExport::create(&target, &bank) else {
        panic!("a folder inside a file cannot be created");
    };
    let ExportError::Create { path, source } = &err else {
        panic!("creating the folder fails: {err:?}");
    };
    assert_eq!(path, &target);
    assert_eq!(
        err.to_string(),
        format!("{}: cannot create: {source}", target.display())
    );
    let _ = std::fs::remove_dir_all(&dir);
}
