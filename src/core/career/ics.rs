//! The roadmap as an iCalendar file (RFC 5545): one all-day event per step
//! and one per exam date (with a reminder the week before), importable into
//! common calendar apps.

use super::date::Date;
use super::plan::{Roadmap, StepKind};

/// An iCalendar time stamp (`YYYYMMDDTHHMMSSZ`) from an ISO-8601 UTC time
/// such as `2026-12-04T15:26:45.000Z` (what the browser's clock gives).
pub fn stamp(iso: &str) -> String {
    let digits: String = iso
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(14)
        .collect();
    format!(
        "{}T{}Z",
        digits.get(..8).unwrap_or("19700101"),
        digits.get(8..14).unwrap_or("000000")
    )
}

/// The calendar text. `stamp` is the creation time (`YYYYMMDDTHHMMSSZ`),
/// an input because the core never reads a clock.
pub fn to_ics(roadmap: &Roadmap, role_name: &str, stamp: &str) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Crossroads//Learning roadmap//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!("Roadmap to {role_name}"))
        ),
    ];
    let event = |lines: &mut Vec<String>,
                 uid: String,
                 start: Date,
                 end: Date,
                 summary: String,
                 description: &str,
                 reminder: Option<String>| {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{uid}@crossroads"));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", start.compact()));
        lines.push(format!("DTEND;VALUE=DATE:{}", end.compact()));
        lines.push(format!("SUMMARY:{}", escape(&summary)));
        lines.push(format!("DESCRIPTION:{}", escape(description)));
        lines.push("TRANSP:TRANSPARENT".into());
        // A reminder the week before (an exam needs the last week's study
        // planned, and often a booking to check).
        if let Some(text) = reminder {
            lines.push("BEGIN:VALARM".into());
            lines.push("ACTION:DISPLAY".into());
            lines.push(format!("DESCRIPTION:{}", escape(&text)));
            lines.push("TRIGGER:-P7D".into());
            lines.push("END:VALARM".into());
        }
        lines.push("END:VEVENT".into());
    };
    for s in roadmap.steps() {
        let what = match s.kind {
            StepKind::Certification => format!("Study: {}", s.name),
            StepKind::Activity => s.name.clone(),
        };
        event(
            &mut lines,
            format!("{}-{}", s.id, s.start.compact()),
            s.start,
            s.end.max(s.start.add_days(1)),
            what,
            // The title is the event's summary; the description is only
            // the text, the hours on a line of their own.
            &format!(
                "{}\n\nAbout {} hours.",
                s.why.trim(),
                crate::core::text::fixed(s.hours, 0)
            ),
            None,
        );
        if let Some(exam) = s.exam_date {
            event(
                &mut lines,
                format!("{}-exam-{}", s.id, exam.compact()),
                exam,
                exam.add_days(1),
                format!("Exam target: {}", s.name),
                "The date this plan aims to sit the exam. Book it early: test centres and online slots fill up.",
                Some(format!("In one week: the {} exam", s.name)),
            );
        }
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold(&l));
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets (continuation lines start with a
/// space), never splitting a UTF-8 character, and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod stamp_tests {
    #[test]
    fn a_browser_time_becomes_a_calendar_stamp() {
        assert_eq!(super::stamp("2026-12-04T15:26:45.123Z"), "20261204T152645Z");
        assert_eq!(super::stamp("2026-12-04"), "20261204T000000Z");
        assert_eq!(super::stamp("garbage"), "19700101T000000Z");
    }
}
