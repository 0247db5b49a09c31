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
