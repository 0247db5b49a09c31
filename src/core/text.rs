//! Numbers and counts in the words a person reads: "1 step", "3 steps",
//! "12", "2.5", "US$1,500". One formatter for the whole app, so every page
//! writes a number the same way.

/// A count with its noun: "1 step", "0 steps", "3 steps".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A number without needless decimals: 12, 2.5, 1,500. Whole numbers get
/// thousands separators; others keep one decimal.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let rounded = (x * 10.0).round() / 10.0;
    if (rounded - rounded.round()).abs() < 1e-9 {
        grouped(rounded.round() as i64)
    } else {
        let whole = rounded.trunc() as i64;
        let tenth = ((rounded - rounded.trunc()).abs() * 10.0).round() as i64;
        let sign = if rounded < 0.0 && whole == 0 { "-" } else { "" };
        format!("{sign}{}.{tenth}", grouped(whole))
    }
}

/// A number with what it measures, singular when it is one: "1 more
/// year of paid security work", "12 more months leading projects". The
/// measure is written in the plural; its first word loses a final "s".
pub fn quantity(x: f64, measure: &str) -> String {
    let n = number(x);
    if n == "1" {
        if let Some((first, rest)) = measure.split_once(' ') {
            if let Some(one) = first.strip_suffix('s') {
                return format!("{n} {one} {rest}");
            }
        } else if let Some(one) = measure.strip_suffix('s') {
            return format!("{n} {one}");
        }
    }
    format!("{n} {measure}")
}

/// US dollars, whole: "US$1,500".
pub fn money(x: f64) -> String {
    if !x.is_finite() {
        return "US$–".to_owned();
    }
    let whole = x.round() as i64;
    if whole < 0 {
        format!("-US${}", grouped(-whole))
    } else {
        format!("US${}", grouped(whole))
    }
}

/// `x` with `decimals` digits after the point, exactly as
/// `format!("{x:.decimals$}")` writes it (rounded half to even on the exact
/// binary value, `-0` kept): "62", "3.5", "0.25". Written out, like
/// [`decimal`], because the standard float formatting brings 20 KB of code
/// and tables into every page (9 KB gzip, measured on the mentor's page);
/// whole numbers print with the small integer formatting every page has
/// anyway.
pub fn fixed(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let size = x.abs();
    let decimals = decimals.min(POWERS.len() - 1);
    let scale = POWERS[decimals];
    let scaled = size * scale;
    if !scaled.is_finite() || scaled >= 1e18 {
        // Beyond what a page shows; said plainly rather than wrongly.
        return format!(
            "{sign}{}",
            if size.is_infinite() {
                "inf"
            } else {
                "a very large number"
            }
        );
    }
    // `scaled` is the product rounded; `error` is exactly what the rounding
    // took away, so the true product is `scaled + error`. Only when
    // `scaled` lands exactly halfway between two whole numbers can the two
    // round differently: then the error's sign decides, and an exact half
    // goes to the even neighbour.
    let error = size.mul_add(scale, -scaled);
    let floor = scaled.floor();
    let whole = match (scaled - floor).partial_cmp(&0.5) {
        Some(std::cmp::Ordering::Greater) => floor + 1.0,
        Some(std::cmp::Ordering::Less) | None => floor,
        Some(std::cmp::Ordering::Equal) => {
            if error > 0.0 || (error == 0.0 && floor % 2.0 == 1.0) {
                floor + 1.0
            } else {
                floor
            }
        }
    } as u64;
    let digits = whole.to_string();
    if decimals == 0 {
        return format!("{sign}{digits}");
    }
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (int, frac) = digits.split_at(digits.len() - decimals);
    format!("{sign}{int}.{frac}")
}

/// `x` with its sign always written, as `format!("{x:+.decimals$}")`
/// does: "+2.5", "-0.4", "+0".
pub fn signed(x: f64, decimals: usize) -> String {
    let text = fixed(x, decimals);
    if x.is_sign_negative() || x.is_nan() {
        text
    } else {
        format!("+{text}")
    }
}

/// `x` as `x.to_string()` writes it, for figures of up to six decimals
/// (hours, levels, chart coordinates): "12", "7.5", "0.25". Longer
/// fractions are cut at six decimals instead of printing seventeen digits.
pub fn plain(x: f64) -> String {
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.to_owned();
    }
    for decimals in 0..6 {
        let text = fixed(x, decimals);
        if decimal(&text) == Some(x) {
            return text;
        }
    }
    let text = fixed(x, 6);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A number as a person types it into a field: `12`, `2.5`, `-3`, `.5`,
/// `1e3`; surrounding spaces are fine. `None` for anything else (`2,5`,
/// `1,500`, `inf`: a comma is a decimal mark in much of the world, so it
/// is not guessed at), and for values that do not fit an `f64`.
///
/// The same value as `str::parse::<f64>` for every input of at most 15
/// significant digits and a scale within 10^±22 (the digits and the power
/// of ten are then exact, and one division or multiplication rounds
/// correctly); digits past the fifteenth are dropped, and larger scales
/// take several steps, changes below one part in 10¹⁵ for figures that
/// are then rounded to cents. Written out because the standard parser brings a
/// 20 KB table of powers of five into every page that reads a number
/// field: 17 KB gzip (measured on the planner page's wasm).
pub fn decimal(text: &str) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let text = text.trim();
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (number, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let mut digits: u64 = 0;
    let mut significant = 0;
    // The power of ten to divide by (decimals kept) or multiply by
    // (whole digits dropped past the fifteenth).
    let mut scale: i32 = 0;
    let mut seen_digit = false;
    let mut seen_point = false;
    for byte in number.bytes() {
        match byte {
            b'0'..=b'9' => {
                seen_digit = true;
                let d = u64::from(byte - b'0');
                if significant < 15 {
                    if digits > 0 || d > 0 {
                        significant += 1;
                    }
                    digits = digits * 10 + d;
                    if seen_point {
                        scale -= 1;
                    }
                } else if !seen_point {
                    scale += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    if let Some(exponent) = exponent {
        let (sign, e) = match exponent.as_bytes().first()? {
            b'-' => (-1, &exponent[1..]),
            b'+' => (1, &exponent[1..]),
            _ => (1, exponent),
        };
        if e.is_empty() || e.len() > 4 || !e.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        scale += sign * e.parse::<i32>().ok()?;
    }
    let mut value = digits as f64;
    let mut left = scale;
    while left != 0 {
        let step = left.clamp(-22, 22);
        let power = POWERS[step.unsigned_abs() as usize];
        value = if step > 0 {
            value * power
        } else {
            value / power
        };
        left -= step;
    }
    let value = if negative { -value } else { value };
    value.is_finite().then_some(value)
}

fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Words after which "you" is an object ("come to you", "keeps you",
/// "let you test"): a preposition, or a verb that takes a person.
const OBJECT_AFTER: [&str; 34] = [
    "to", "for", "with", "from", "of", "about", "on", "at", "by", "into", "toward", "towards",
    "give", "gives", "let", "lets", "make", "makes", "help", "helps", "keep", "keeps", "tell",
    "tells", "show", "shows", "teach", "teaches", "see", "sees", "seen", "saw", "suit", "suits",
];

/// Words before which "you" is an object ("see you only", "keeps you
/// hands-on", "give you the"): none of them follows a subject here.
const OBJECT_BEFORE: [&str; 20] = [
    "only", "well", "hands", "a", "an", "the", "in", "on", "at", "to", "for", "with", "from",
    "into", "up", "out", "back", "yet", "too", "honest",
];

/// Content written to the person ("Your answers lean…", "may suit you")
/// turned to speak about them, for someone else reading their result (a
/// mentor): "Their answers lean…", "may suit them". Word by word: "you"
/// becomes "them" where it is an object — at the end of a clause, after a
/// preposition or a verb that takes a person, or before a word no subject
/// comes before ([`OBJECT_AFTER`], [`OBJECT_BEFORE`]) — and "they"
/// elsewhere. Words are runs of ASCII letters and digits, which is all the
/// English wording this turns needs: Unicode's letter tables (about 3 KB
/// raw) stay out of the wasm.
pub fn third_person(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let chars: Vec<char> = text.chars().collect();
    // The word before, while no punctuation has come since.
    let mut before = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_alphabetic() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_alphanumeric() || chars[j] == '\'' || chars[j] == '’')
            {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            let next = chars[j..].iter().find(|c| !c.is_whitespace()).copied();
            let clause_end = matches!(next, None | Some('.' | ',' | ';' | ':' | '!' | '?' | ')'));
            let lower = word.to_ascii_lowercase();
            let next_word: String = chars[j..]
                .iter()
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let object = clause_end
                || OBJECT_AFTER.contains(&before.as_str())
                || OBJECT_BEFORE.contains(&next_word.as_str());
            let replaced = match lower.as_str() {
                "you" if object => Some("them"),
                "you" => Some("they"),
                "your" => Some("their"),
                "yours" => Some("theirs"),
                "yourself" => Some("themselves"),
                "you're" | "you’re" => Some("they're"),
                "you've" | "you’ve" => Some("they've"),
                "you'd" | "you’d" => Some("they'd"),
                "you'll" | "you’ll" => Some("they'll"),
                _ => None,
            };
            match replaced {
                Some(r) if word.starts_with(|c: char| c.is_uppercase()) => {
                    let mut cs = r.chars();
                    if let Some(f) = cs.next() {
                        out.push(f.to_ascii_uppercase());
                        out.push_str(cs.as_str());
                    }
                }
                Some(r) => out.push_str(r),
                None => out.push_str(&word),
            }
            before = lower;
            i = j;
        } else {
            if !chars[i].is_whitespace() {
                before.clear();
            }
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(1500.0), "1,500");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(f64::NAN), "–");
        assert_eq!(money(1500.0), "US$1,500");
        assert_eq!(money(-20.0), "-US$20");
        assert_eq!(count(1, "step", "steps"), "1 step");
        assert_eq!(count(3, "step", "steps"), "3 steps");
        assert_eq!(
            quantity(1.0, "years of paid security work"),
            "1 year of paid security work"
        );
        assert_eq!(
            quantity(2.0, "years of paid security work"),
            "2 years of paid security work"
        );
        assert_eq!(quantity(1.0, "months"), "1 month");
    }
}
