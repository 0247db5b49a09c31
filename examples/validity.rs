//! Simulates respondents under the latent-trait model of `docs/validity.md`
//! on a bank (the shipped one, or a program's own) and prints reliability,
//! recovery and retake figures:
//!
//! ```sh
//! cargo run --release --example validity -- [bank.json] [--respondents N] [--seed S]
//! ```

use crossroads::core::bank::Bank;
use crossroads::core::content::BANK_JSON;
use crossroads::core::validity::simulate;

fn main() {
    let mut path = None;
    let mut respondents = 4000;
    let mut seed = 12;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--respondents" => {
                respondents = args.next().and_then(|n| n.parse().ok()).unwrap_or(4000)
            }
            "--seed" => seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(12),
            _ => path = Some(a),
        }
    }
    let (name, text) = match &path {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(t) => (p.clone(), t),
            Err(e) => {
                eprintln!("{p}: cannot read: {e}");
                std::process::exit(1);
            }
        },
        None => ("questions/bank.json".to_owned(), BANK_JSON.to_owned()),
    };
    let bank = match Bank::from_json(&name, &text) {
        Ok(b) => b,
        Err(problems) => {
            problems.iter().for_each(|p| eprintln!("{p}"));
            std::process::exit(1);
        }
    };
    println!("{} {} ({name}), seed {seed}", bank.id, bank.version);
    print!("{}", simulate(&bank, respondents.max(2), seed));
}
