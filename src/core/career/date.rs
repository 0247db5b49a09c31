//! A civil date (no time, no zone) — all the roadmap needs, without a
//! date-time dependency. Days are counted from 1970-01-01.

use serde::{Deserialize, Serialize};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    days: i64,
}

impl Date {
    pub fn from_ymd(y: i64, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (i64::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date {
            days: era * 146_097 + doe - 719_468,
        })
    }

    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// Parses `YYYY-MM-DD` (the first ten characters of an ISO time work).
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.get(..10)?;
        let mut parts = t.split('-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Date::from_ymd(y, m, d)
    }

    pub fn add_days(self, n: i64) -> Date {
        Date {
            days: self.days + n,
        }
    }

    /// Adds whole months, clamping the day (31 Jan + 1 month = 28/29 Feb).
    pub fn add_months(self, n: i64) -> Date {
        let (y, m, d) = self.ymd();
        let total = y * 12 + i64::from(m) - 1 + n;
        let (ny, nm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
        Date::from_ymd(ny, nm, d.min(days_in_month(ny, nm))).unwrap_or(self)
    }

    pub fn days_until(self, later: Date) -> i64 {
        later.days - self.days
    }

    /// `YYYYMMDD`, for calendars.
    pub fn compact(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}{m:02}{d:02}")
    }

    /// "Mar 2027", for phase titles.
    pub fn month_year(self) -> String {
        const M: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (y, m, _) = self.ymd();
        format!("{} {y}", M[(m - 1) as usize])
    }
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// A text that is not a date: what a file held where a date belongs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a date of the form YYYY-MM-DD")]
pub struct NotADate(pub String);

impl TryFrom<String> for Date {
    type Error = NotADate;
    fn try_from(s: String) -> Result<Date, NotADate> {
        Date::parse(&s).ok_or(NotADate(s))
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::{Date, NotADate};

    #[test]
    fn dates_round_trip_and_add() {
        for (text, plus_months, expected) in [
            ("2026-11-28", 3, "2027-02-28"),
            ("2027-01-31", 1, "2027-02-28"),
            ("2028-01-31", 1, "2028-02-29"),
            ("1999-12-31", 12, "2000-12-31"),
        ] {
            let d = Date::parse(text).unwrap();
            assert_eq!(d.to_string(), text);
            assert_eq!(d.add_months(plus_months).to_string(), expected);
        }
        let d = Date::parse("2026-12-30").unwrap();
        assert_eq!(d.add_days(3).to_string(), "2027-01-02");
        assert_eq!(d.days_until(d.add_days(40)), 40);
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("soon").is_none());
    }

    #[test]
    fn a_text_that_is_not_a_date_is_refused_with_its_text() {
        for text in ["soon", "2026-02-30", "", "2026/01/01"] {
            let err = Date::try_from(text.to_owned()).unwrap_err();
            assert_eq!(err, NotADate(text.to_owned()));
            assert_eq!(
                err.to_string(),
                format!("\"{text}\" is not a date of the form YYYY-MM-DD")
            );
        }
        // The same words reach a file's reader through serde.
        let err = serde_json::from_str::<Date>("\"soon\"").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("\"soon\" is not a date of the form YYYY-MM-DD"),
            "{err}"
        );
        assert_eq!(
            Date::try_from("2026-01-01".to_owned()),
            Ok(Date::parse("2026-01-01").unwrap())
        );
    }
}
