//! Writes N generated result files into a folder, for the cohort benchmark:
//! `cargo run --release --example gen_results -- <dir> <n>`.
//! Every 25th file is deliberately broken, as real cohorts have some.

use crossroads::core::bank::Item;
use crossroads::core::content::Content;
use crossroads::core::result_file::ResultFile;
use crossroads::core::score::Response;
use crossroads::core::session::Session;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "cohort".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(500);
    let bank = Content::builtin().expect("shipped bank").bank;
    std::fs::create_dir_all(&dir).expect("create folder");
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    for i in 0..n {
        let path = format!("{dir}/p{i:06}.json");
        if i % 25 == 24 {
            std::fs::write(&path, "{\"format\": \"crossroads-result\", \"version\": 1")
                .expect("write");
            continue;
        }
        let lean = next(3); // 0 management-ish, 1 mixed, 2 technical-ish
        let mut s = Session::new(&bank, "2026-11-28T09:00:00Z");
        for item in &bank.items {
            let r = match item {
                Item::Likert(l) => {
                    let mgmt = bank.dimension(&l.dimension).map(|d| d.track)
                        == Some(crossroads::core::bank::Track::Management);
                    let toward = (mgmt != l.reverse) == (lean == 0);
                    let v = if lean == 1 {
                        1 + next(5)
                    } else if toward {
                        4 + next(2)
                    } else {
                        1 + next(2)
                    };
                    Response::Likert(v as u8)
                }
                Item::Scenario(sc) => Response::Choice(
                    sc.options[next(sc.options.len() as u64) as usize]
                        .id
                        .clone(),
                ),
            };
            s.answers.insert(item.id().clone(), r);
        }
        s.finished = true;
        s.display_name = Some(format!("Participant {i}"));
        std::fs::write(&path, ResultFile::new(s).to_json()).expect("write");
    }
    println!("wrote {n} files to {dir}");
}
