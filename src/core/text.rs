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

/// Content written to the person ("Your answers lean…", "may suit you")
/// turned to speak about them, for someone else reading their result (a
/// mentor): "Their answers lean…", "may suit them". Word by word: "you"
/// before a verb becomes "they", at the end of a clause "them".
pub fn third_person(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphabetic() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_alphanumeric() || chars[j] == '\'' || chars[j] == '’')
            {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            let next = chars[j..].iter().find(|c| !c.is_whitespace()).copied();
            let clause_end = matches!(next, None | Some('.' | ',' | ';' | ':' | '!' | '?' | ')'));
            let lower = word.to_lowercase();
            let replaced = match lower.as_str() {
                "you" if clause_end => Some("them"),
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
                        out.extend(f.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                }
                Some(r) => out.push_str(r),
                None => out.push_str(&word),
            }
            i = j;
        } else {
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
