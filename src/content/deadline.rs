//! Dates that end something: a regulatory status listed until a day. Shared by the
//! content checks and by `build.rs` (included there by path), so the build's warning
//! and the tests read a deadline the same way. Plain integers only: no crate items.

/// How many days before an end date the build starts to warn.
pub const WARN_DAYS: i64 = 60;

/// Days since 1970-01-01 of a calendar date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Where a date stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// The day has passed.
    Passed,
    /// It ends within [`WARN_DAYS`] days (the number of days left).
    Soon(i64),
    /// Further off.
    Later,
}

/// `until` and `today` as (year, month, day).
pub fn deadline(until: (i64, i64, i64), today: (i64, i64, i64)) -> Deadline {
    let left =
        days_from_civil(until.0, until.1, until.2) - days_from_civil(today.0, today.1, today.2);
    if left < 0 {
        Deadline::Passed
    } else if left <= WARN_DAYS {
        Deadline::Soon(left)
    } else {
        Deadline::Later
    }
}

/// An ISO date (`2026-07-11`) as (year, month, day); no check that the day exists.
pub fn iso_parts(s: &str) -> Option<(i64, i64, i64)> {
    let mut parts = s.trim().splitn(3, '-').map(|p| p.parse::<i64>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}
