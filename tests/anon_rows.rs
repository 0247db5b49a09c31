//! The anonymous CSV the browser offers: the columns the Parquet export
//! has, nothing a person typed, and text a spreadsheet cannot run.

#[path = "../examples/support/generate.rs"]
mod generate;

use crossroads::core::anon_rows::Rows;
use crossroads::core::cohort::Cohort;
use crossroads::core::content::Content;

#[test]
fn anonymous_csv_has_the_columns_and_no_names_notes_or_file_names() {
    let bank = Content::builtin().unwrap().bank;
    let mut files = generate::cohort(&bank, 40, 4, 3);
    files[0].session.bank_id = "=HYPERLINK(\"http://x\")".into();
    files[1].respondent = None;
    let mut cohort = Cohort::new(&bank, true);
    let mut columns = Rows::new(&bank);
    let mut rows = Vec::new();
    for (i, f) in files.iter().enumerate() {
        cohort.add_with(
            &format!("secret-file-{i}.json"),
            &f.to_json(),
            |file, profile| {
                rows.push(columns.row(file, profile));
            },
        );
    }
    assert_eq!(rows.len(), files.len());
    let results = columns.results_csv(&rows);
    let lines: Vec<&str> = results.lines().collect();
    assert_eq!(lines.len(), 1 + files.len());
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(
        &header[..9],
        [
            "result",
            "respondent",
            "bank_id",
            "bank_version",
            "finished",
            "saved",
            "band",
            "leaning",
            "confidence"
        ]
    );
    assert_eq!(header.len(), 9 + bank.dimensions.len() + 1);
    assert_eq!(header.last(), Some(&"target_role"));
    assert!(lines[1].starts_with("1,\""), "{}", lines[1]);
    assert!(
        lines[1].contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("2,\"\","), "no id: {}", lines[2]);
    let answers = columns.answers_csv(&rows);
    assert_eq!(
        answers.lines().count(),
        1 + files.len() * columns.statements.len()
    );
    assert!(answers.starts_with("result,respondent,item,dimension,keyed\n"));
    for csv in [&results, &answers] {
        for secret in ["Participant", "private note", "secret-file"] {
            assert!(!csv.contains(secret), "{secret}");
        }
    }
    // Rows and summary agree on who was counted.
    assert_eq!(cohort.summary().participants, rows.len());
}
