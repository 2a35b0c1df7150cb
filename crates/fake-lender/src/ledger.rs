//! A member's ledger: every borrowing and repayment with its parts, and the
//! home-page figures derived from it (SPEC S2, S6 and S7).
//!
//! Everything here is a pure function of the entries and a date or instant
//! passed in; nothing reads a clock. Dates are Japan dates (`to_jst`),
//! because due dates and interest days are counted on the Japanese calendar.
//!
//! The rules SPEC S2 fixes, and how the ledger keeps them:
//!
//! * Interest between two charges is one exact sum, truncated once. Only a
//!   repayment charges: it truncates the exact interest and late charge owed
//!   to whole yen (the fraction below a yen is never collected), pays them
//!   first, and carries what it did not cover as whole yen. A borrowing
//!   charges nothing: it carries the exact, untruncated sums
//!   (`carried_interest`, `carried_late_charge`, both
//!   [`Accrual`](portal_domain::interest::Accrual)) into the next stretch, so
//!   a borrowing mid-period never costs or saves the member a yen. The
//!   figures shown for a date (`accrued_interest`, `late_charge`, `payoff`)
//!   are those sums truncated as they would be charged that day.
//! * Late charge: from the day after a missed due date until the day the
//!   missed amount is paid (`(due, paid]`), the whole outstanding principal
//!   balance bears 20.0% a year **in place of** the contract interest; those
//!   days bear no interest at all.
//!
//! Conventions, written down because the spec leaves them open:
//!
//! * A due date is met once the repayments made after the previous due date
//!   reach the minimum owed on it (or clear the loan); the member then moves
//!   on to the next due date. Repayments made after a missed due date count
//!   towards that missed one first, and "the missed amount is paid" (which
//!   ends the late days) means exactly this.
//! * The minimum owed on a due date is the one in force when the date
//!   arrives: a borrowing before the due date (or on it) sets the minimum
//!   for it, but a borrowing after a missed due date does not change the
//!   instalment already missed. The new minimum applies from the next due
//!   date on, while the late charge accrues on the new, larger balance.
//! * The interest-free window waives interest only. A late day inside it
//!   (possible when the first due date falls within 30 days of the first
//!   borrowing) bears the late charge, which is damages, not interest.
//! * The minimum shown for the next due date is what is still missing of the
//!   minimum for it, never more than the payoff amount.
//! * The interest to the next due date is what `accrued_interest` gives on
//!   that date: nothing is booked in between, so the balance stays as it is.
//!   A member whose due date has passed cannot repay on it any more, so for
//!   them it is the interest owed today.
//! * Repayments' principal parts clear borrowings first-in, first-out: the
//!   oldest borrowing still owed takes principal first. A borrowing counts as
//!   repaid on the Japan date of the repayment that clears its last yen, and
//!   the days it took are `(borrowed, repaid]`, like an entry's days of use.

use chrono::{DateTime, Days, NaiveDate, Utc};
use portal_api::{Channel, EntryKind, HistoryEntry, HistoryPage, HistoryQuery, RepaidBorrowing};
use portal_domain::calendar::{
    due_date_after_day_change, first_due_date, next_due_date_on_or_after, DayChangeRefusal,
    RepaymentDay,
};
use portal_domain::clock::{from_jst, to_jst};
use portal_domain::interest::{
    allocate, day_charges, interest_free_days_left, interest_free_window, Accrual, DayCharges,
};
use portal_domain::money::{minimum_repayment, Yen};
use portal_domain::rate::Apr;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// The fewest days between two due dates. Due dates are a month apart and a
/// business-day shift moves one by at most about ten days, so looking for the
/// next one from 15 days on never skips a month.
const MIN_DUE_GAP_DAYS: u64 = 15;

/// One borrowing or repayment, as booked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    pub kind: EntryKind,
    pub channel: Channel,
    pub amount: Yen,
    /// The interest part of a repayment; zero for a borrowing.
    pub interest: Yen,
    /// The principal part of a repayment; zero for a borrowing.
    pub principal: Yen,
    /// The late-charge part of a repayment; zero for a borrowing.
    pub late_charge: Yen,
    pub balance_after: Yen,
    /// Days of use the entry covers: days since the previous entry,
    /// `(previous, this]`; zero for the first entry.
    pub days: u32,
}

impl Entry {
    /// The Japan date the entry was booked on.
    pub fn date(&self) -> NaiveDate {
        to_jst(self.at).date()
    }

    /// The entry as the history page receives it.
    pub fn to_history(&self) -> HistoryEntry {
        HistoryEntry {
            at: self.at,
            kind: self.kind,
            channel: self.channel,
            amount: self.amount,
            interest: self.interest,
            principal: self.principal,
            late_charge: self.late_charge,
            balance_after: self.balance_after,
            days: self.days,
        }
    }
}

/// Why the ledger refused a movement. The ledger never books a movement it
/// cannot account for to the yen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerError {
    /// The amount is zero or negative.
    NotPositive,
    /// A repayment with nothing owed.
    NothingOwed,
    /// A repayment above the payoff amount; the surplus would have nowhere to go.
    MoreThanOwed { payoff: Yen },
    /// The movement is dated before the latest entry; the ledger is append-only.
    BeforeLatestEntry,
}

/// The next repayment the member owes, derived from the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextDue {
    pub date: NaiveDate,
    /// What is still missing of the minimum for `date`, capped by the payoff.
    pub minimum: Yen,
}

/// Where the member stands against the due dates after the latest entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DueState {
    /// The earliest due date not yet met.
    due: NaiveDate,
    /// Minimum still unpaid for `due`; positive, because a due date whose
    /// minimum is paid counts as met.
    shortfall: Yen,
}

impl DueState {
    /// The due date whose days after it are late days if nothing is paid
    /// meanwhile. Every unmet due date has something unpaid, so it is `due`.
    fn missed_due(self) -> Option<NaiveDate> {
        (self.shortfall.0 > 0).then_some(self.due)
    }
}

/// A member's ledger and the terms it is priced with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    /// Oldest first.
    pub entries: Vec<Entry>,
    pub apr: Apr,
    pub repayment_day: RepaymentDay,
    /// The Japan date of the member's very first borrowing, if any.
    pub first_borrowing: Option<NaiveDate>,
    /// Whether the member qualifies for 30 days interest-free (SPEC S1): a
    /// first-time member with e-mail and web statements. The window itself
    /// starts only with the first borrowing.
    pub interest_free_eligible: bool,
    /// The first due date of the current run of borrowing (since the balance
    /// was last zero); later due dates follow monthly on `repayment_day`.
    pub first_due: Option<NaiveDate>,
    /// Interest owed at the latest entry, exact: what a repayment charged
    /// and did not cover (whole yen), plus what accrued since the latest
    /// repayment, untruncated (see the module documentation).
    pub carried_interest: Accrual,
    /// Late charge owed at the latest entry, exact in the same way.
    pub carried_late_charge: Accrual,
    /// Repayment date changes (SPEC S12), oldest first; `repayment_day` is
    /// the day now in force. The walk of due dates reads them to give each
    /// stretch its day.
    #[serde(default)]
    pub day_changes: Vec<DayChange>,
    /// The Japan date up to which the carried sums are priced when it is
    /// later than the latest entry: a rate change (SPEC S10) prices the days
    /// before it at the old rate.
    #[serde(default)]
    pub priced_to: Option<NaiveDate>,
}

/// A repayment date change as the walk of due dates needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayChange {
    /// The Japan date it was made on.
    pub on: NaiveDate,
    pub from: RepaymentDay,
    pub to: RepaymentDay,
    /// The pending due date it replaced and the first due date it gave;
    /// `None` when made without a balance (the day then applies from the
    /// next borrowing).
    pub replaced: Option<(NaiveDate, NaiveDate)>,
}

impl DayChange {
    /// The first date the new day governs.
    fn effective(&self) -> NaiveDate {
        self.replaced.map_or(self.on, |(_, new)| new)
    }
}

impl Ledger {
    /// An empty ledger with the member's terms.
    pub fn new(apr: Apr, repayment_day: RepaymentDay, interest_free_eligible: bool) -> Ledger {
        Ledger {
            entries: Vec::new(),
            apr,
            repayment_day,
            first_borrowing: None,
            interest_free_eligible,
            first_due: None,
            carried_interest: Accrual::ZERO,
            carried_late_charge: Accrual::ZERO,
            day_changes: Vec::new(),
            priced_to: None,
        }
    }

    /// The balance (ご利用残高): the latest entry's balance after.
    pub fn balance(&self) -> Yen {
        self.entries.last().map_or(Yen(0), |e| e.balance_after)
    }

    /// The Japan date of the latest entry.
    fn last_date(&self) -> Option<NaiveDate> {
        self.entries.last().map(Entry::date)
    }

    /// The interest-free window as inclusive dates, once it has started.
    fn free_window(&self) -> Option<(NaiveDate, NaiveDate)> {
        if !self.interest_free_eligible {
            return None;
        }
        self.first_borrowing.map(interest_free_window)
    }

    /// What is owed on `on` besides the principal, exactly: the carried sums
    /// plus what the balance costs for the days `(latest entry, on]`. Nothing
    /// is booked in between, so the balance and the due state after the
    /// latest entry hold for all of those days: those up to the earliest
    /// unmet due date bear interest (outside the interest-free window), those
    /// after it are late days and bear the late charge instead.
    fn owed(&self, on: NaiveDate) -> DayCharges {
        let carried = DayCharges {
            interest: self.carried_interest,
            late_charge: self.carried_late_charge,
        };
        let Some(from) = self.last_date().map(|d| d.max(self.priced_to.unwrap_or(d))) else {
            return carried;
        };
        let missed = self.due_state().and_then(DueState::missed_due);
        carried
            + day_charges(
                self.balance(),
                self.apr,
                from,
                on,
                self.free_window(),
                missed,
            )
    }

    /// Interest owed on `on`, as it would be charged that day: the carried
    /// interest plus the interest since the latest entry, summed exactly and
    /// truncated once. Late days add nothing here (see [`Ledger::late_charge`]).
    pub fn accrued_interest(&self, on: NaiveDate) -> Yen {
        self.owed(on).interest.truncated()
    }

    /// Where the current run of borrowing starts: the index of the borrowing
    /// made while the balance was zero, or `None` when nothing is owed.
    fn run_start(&self) -> Option<usize> {
        if self.balance().0 <= 0 {
            return None;
        }
        self.entries
            .iter()
            .rposition(|e| e.kind == EntryKind::Borrowing && e.balance_after.0 - e.amount.0 <= 0)
    }

    /// The due date after `due` on the member's repayment day, at least
    /// `MIN_DUE_GAP_DAYS` later. The gap matters when `due` was agreed off the
    /// calendar (the seeded overdue member's) or moved by a holiday: the next
    /// date is then still next month's, never one a few days later.
    fn following_due(&self, due: NaiveDate) -> NaiveDate {
        let next =
            next_due_date_on_or_after(self.day_in_force(due), days_after(due, MIN_DUE_GAP_DAYS))
                .unwrap_or(NaiveDate::MAX);
        self.as_changed(next)
    }

    /// The repayment day that governs the due dates after `due`: the day of
    /// the latest change in effect by then, else the day before any change.
    fn day_in_force(&self, due: NaiveDate) -> RepaymentDay {
        let before_any = self
            .day_changes
            .first()
            .map_or(self.repayment_day, |c| c.from);
        self.day_changes
            .iter()
            .rfind(|c| c.effective() <= due)
            .map_or(before_any, |c| c.to)
    }

    /// A due date as the changes left it: a pending date a change replaced
    /// becomes the date the change gave.
    fn as_changed(&self, due: NaiveDate) -> NaiveDate {
        let mut due = due;
        for change in &self.day_changes {
            if let Some((replaced, new)) = change.replaced {
                if replaced == due {
                    due = new;
                }
            }
        }
        due
    }

    /// Changes the contract rate from `on` (a Japan date): the days up to
    /// `on` are priced at the old rate and carried exactly, the days after
    /// it at `apr` (an approved credit-line increase whose new line lowers
    /// the legal cap, SPEC S1, S10).
    pub fn change_apr(&mut self, apr: Apr, on: NaiveDate) {
        if apr == self.apr {
            return;
        }
        if self.last_date().is_some_and(|last| on > last) {
            let owed = self.owed(on);
            self.carried_interest = owed.interest;
            self.carried_late_charge = owed.late_charge;
            self.priced_to = Some(on);
        }
        self.apr = apr;
    }

    /// Changes the repayment day on `today` (SPEC S12) and gives the next
    /// due date it leads to (`None` without a balance): the pending due
    /// date is replaced by `due_date_after_day_change`'s, and later ones
    /// follow monthly on the new day. Minimums, repayments made so far and
    /// the late-day rule carry over to the new date unchanged. The same day
    /// again changes nothing.
    pub fn change_repayment_day(
        &mut self,
        day: RepaymentDay,
        today: NaiveDate,
    ) -> Result<Option<NaiveDate>, DayChangeRefusal> {
        if day == self.repayment_day {
            return Ok(self.next_due(today).map(|d| d.date));
        }
        let pending = self.due_state().map(|s| s.due);
        let overdue = self.overdue_days(today) > 0;
        let new_due = due_date_after_day_change(day, today, pending, overdue)?;
        self.day_changes.push(DayChange {
            on: today,
            from: self.repayment_day,
            to: day,
            replaced: pending.zip(new_due),
        });
        self.repayment_day = day;
        Ok(new_due)
    }

    /// Walks the due dates of the current run against its repayments, as
    /// described in the module documentation.
    fn due_state(&self) -> Option<DueState> {
        let start = self.run_start()?;
        let mut due = self.as_changed(self.first_due?);
        // The minimum in force: fixed by the balance right after the latest
        // borrowing (S2). It becomes the minimum owed on a due date when that
        // date arrives.
        let mut in_force = Yen(0);
        // The minimum owed on `due`.
        let mut owed_on_due = Yen(0);
        let mut paid: i64 = 0;
        let mut met = false;
        for entry in self.entries.iter().skip(start) {
            let date = entry.date();
            // A due date passed before this entry: move on if it was met;
            // otherwise it stays the due date this entry counts towards.
            while date > due && met {
                due = self.following_due(due);
                owed_on_due = in_force;
                paid = 0;
                met = false;
            }
            match entry.kind {
                EntryKind::Borrowing => {
                    in_force = minimum_repayment(entry.balance_after);
                    // Up to the due date a borrowing sets what is owed on it;
                    // after a missed one the instalment missed stays as it was.
                    if date <= due {
                        owed_on_due = in_force;
                    }
                }
                EntryKind::Repayment => {
                    paid = paid.saturating_add(entry.amount.0);
                    if paid >= owed_on_due.0 || entry.balance_after.0 <= 0 {
                        met = true;
                    }
                }
            }
        }
        if met {
            due = self.following_due(due);
            owed_on_due = in_force;
            paid = 0;
        }
        // `due` is now the earliest due date not yet met: a member who missed
        // one is held to it until it is met, whatever the calendar says since.
        Some(DueState {
            due,
            shortfall: Yen((owed_on_due.0 - paid).max(0)),
        })
    }

    /// The next due date and what is still missing of its minimum; `None`
    /// when nothing is owed. Overdue members get their missed date.
    pub fn next_due(&self, today: NaiveDate) -> Option<NextDue> {
        let state = self.due_state()?;
        let payoff = self.payoff(today);
        Some(NextDue {
            date: state.due,
            minimum: Yen(state.shortfall.0.min(payoff.0)),
        })
    }

    /// Days past the missed due date, `(due, today]`; zero when up to date.
    pub fn overdue_days(&self, today: NaiveDate) -> u32 {
        self.due_state()
            .filter(|s| today > s.due && s.shortfall.0 > 0)
            .map_or(0, |s| {
                u32::try_from((today - s.due).num_days()).unwrap_or(u32::MAX)
            })
    }

    /// The late charge owed on `today`, as it would be charged that day: any
    /// carried late charge plus 20.0% a year on the whole principal balance
    /// for the late days since the missed due date or the latest entry,
    /// whichever is later, summed exactly and truncated once.
    pub fn late_charge(&self, today: NaiveDate) -> Yen {
        self.owed(today).late_charge.truncated()
    }

    /// The amount that clears the loan today (一括返済額): the balance, the
    /// interest and the late charge, each as it would be charged today.
    pub fn payoff(&self, today: NaiveDate) -> Yen {
        let owed = self.owed(today);
        Yen(self
            .balance()
            .0
            .saturating_add(owed.interest.truncated().0)
            .saturating_add(owed.late_charge.truncated().0))
    }

    /// The interest-free days left on `today`, counting today (SPEC S1): 30
    /// for an eligible member who has not borrowed yet (the whole window is
    /// to come), 30 still on the first borrowing's day and the window's first
    /// day, then one fewer each day down to 1 on the window's 30th day;
    /// `None` when the member is not eligible or the window is over.
    pub fn interest_free_days_left(&self, today: NaiveDate) -> Option<u32> {
        if !self.interest_free_eligible {
            return None;
        }
        interest_free_days_left(self.first_borrowing, today)
    }

    /// Days of use from the latest entry to `date`, `(latest, date]`.
    fn days_since_last(&self, date: NaiveDate) -> u32 {
        self.last_date().map_or(0, |last| {
            u32::try_from((date - last).num_days().max(0)).unwrap_or(u32::MAX)
        })
    }

    /// Refuses a movement that is not positive or is dated before the latest entry.
    fn check_movement(&self, amount: Yen, at: DateTime<Utc>) -> Result<(), LedgerError> {
        if amount.0 <= 0 {
            return Err(LedgerError::NotPositive);
        }
        if self.entries.last().is_some_and(|e| at < e.at) {
            return Err(LedgerError::BeforeLatestEntry);
        }
        Ok(())
    }

    /// Books a repayment: late charge first, then interest, then principal.
    pub fn apply_repayment(
        &mut self,
        amount: Yen,
        channel: Channel,
        at: DateTime<Utc>,
    ) -> Result<Entry, LedgerError> {
        self.check_movement(amount, at)?;
        let date = to_jst(at).date();
        let balance = self.balance();
        if balance.0 <= 0 {
            return Err(LedgerError::NothingOwed);
        }
        // A repayment charges: the exact sums are truncated here, once.
        let owed = self.owed(date);
        let late_due = owed.late_charge.truncated();
        let interest_due = owed.interest.truncated();
        let payoff = Yen(balance
            .0
            .saturating_add(late_due.0)
            .saturating_add(interest_due.0));
        if amount > payoff {
            return Err(LedgerError::MoreThanOwed { payoff });
        }
        let split = allocate(amount, late_due, interest_due, balance);
        // `amount <= payoff` makes `unapplied` zero, so every yen is booked.
        let entry = Entry {
            at,
            kind: EntryKind::Repayment,
            channel,
            amount,
            interest: split.interest,
            principal: split.principal,
            late_charge: split.late_charge,
            balance_after: Yen(balance.0 - split.principal.0),
            days: self.days_since_last(date),
        };
        // What was charged and not paid is carried as whole yen.
        self.carried_late_charge = Accrual::from_yen(Yen(late_due.0 - split.late_charge.0));
        self.carried_interest = Accrual::from_yen(Yen(interest_due.0 - split.interest.0));
        if entry.balance_after.0 <= 0 {
            self.first_due = None;
        }
        self.entries.push(entry.clone());
        Ok(entry)
    }

    /// Books a borrowing. The balance the interest and late charge accrue on
    /// changes here, so what they came to up to it is carried, exactly and
    /// untruncated: a borrowing charges nothing (SPEC S2).
    pub fn apply_borrowing(
        &mut self,
        amount: Yen,
        channel: Channel,
        at: DateTime<Utc>,
    ) -> Result<Entry, LedgerError> {
        self.check_movement(amount, at)?;
        let date = to_jst(at).date();
        let balance = self.balance();
        let owed = self.owed(date);
        self.carried_late_charge = owed.late_charge;
        self.carried_interest = owed.interest;
        if balance.0 <= 0 {
            // A new run of borrowing: its first due date follows S2.
            self.first_due = first_due_date(self.repayment_day, date);
        }
        if self.first_borrowing.is_none() {
            self.first_borrowing = Some(date);
        }
        let entry = Entry {
            at,
            kind: EntryKind::Borrowing,
            channel,
            amount,
            interest: Yen(0),
            principal: Yen(0),
            late_charge: Yen(0),
            balance_after: Yen(balance.0.saturating_add(amount.0)),
            days: self.days_since_last(date),
        };
        self.entries.push(entry.clone());
        Ok(entry)
    }

    /// The entries newest first, as the history page lists them.
    pub fn history(&self) -> Vec<HistoryEntry> {
        self.entries.iter().rev().map(Entry::to_history).collect()
    }

    /// One page of the history (SPEC S7): the entries on the query's Japan
    /// dates and of its kind, newest first, after `offset`, at most `limit`.
    ///
    /// Entries are booked in time order, so the date range's ends are found
    /// by binary search; the work is proportional to the entries in the
    /// range (a count, with no copy) plus the page, never to the whole ledger.
    pub fn history_page(&self, query: &HistoryQuery) -> HistoryPage {
        // Midnight JST at the start of `from`, and of the day after `to`.
        let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(from_jst);
        let start = query.from.and_then(midnight);
        let end = query.to.and_then(|d| d.succ_opt()).and_then(midnight);
        let first = start.map_or(0, |s| self.entries.partition_point(|e| e.at < s));
        let last = end.map_or(self.entries.len(), |e| {
            self.entries.partition_point(|x| x.at < e)
        });
        let in_range = self.entries.get(first..last.max(first)).unwrap_or(&[]);
        let wanted = |e: &&Entry| query.kind.is_none_or(|k| e.kind == k);
        let total = match query.kind {
            None => in_range.len(),
            Some(_) => in_range.iter().filter(wanted).count(),
        };
        let limit = query.limit.map_or(usize::MAX, |l| l as usize);
        let entries = in_range
            .iter()
            .rev()
            .filter(wanted)
            .skip(query.offset as usize)
            .take(limit)
            .map(Entry::to_history)
            .collect();
        HistoryPage {
            total: u32::try_from(total).unwrap_or(u32::MAX),
            offset: query.offset,
            entries,
        }
    }

    /// The interest due by the next due date if the member repays on it:
    /// the carried interest plus the interest from the latest entry up to
    /// that date, with the interest-free window honoured, truncated once. A
    /// due date already passed counts as today (see the module
    /// documentation); the late days since add late charge, not interest.
    /// `None` when nothing is owed.
    pub fn interest_to_next_due(&self, today: NaiveDate) -> Option<Yen> {
        let due = self.due_state()?.due;
        Some(self.accrued_interest(due.max(today)))
    }

    /// Every borrowing repaid in full, newest first, with the days it took,
    /// matching repayments' principal parts to borrowings first-in,
    /// first-out (see the module documentation).
    pub fn repaid_borrowings(&self) -> Vec<RepaidBorrowing> {
        // The borrowings still owed, oldest first, with what is left of each.
        let mut owed: VecDeque<(&Entry, i64)> = VecDeque::new();
        let mut repaid = Vec::new();
        for entry in &self.entries {
            match entry.kind {
                EntryKind::Borrowing => owed.push_back((entry, entry.amount.0)),
                EntryKind::Repayment => {
                    let mut principal = entry.principal.0;
                    while principal > 0 {
                        let Some((borrowing, left)) = owed.front_mut() else {
                            break;
                        };
                        let taken = principal.min(*left);
                        *left -= taken;
                        principal -= taken;
                        if *left > 0 {
                            break;
                        }
                        let borrowed = *borrowing;
                        owed.pop_front();
                        let repaid_on = entry.date();
                        let days = (repaid_on - borrowed.date()).num_days().max(0);
                        repaid.push(RepaidBorrowing {
                            borrowed_at: borrowed.at,
                            amount: borrowed.amount,
                            repaid_on,
                            days: u32::try_from(days).unwrap_or(u32::MAX),
                        });
                    }
                }
            }
        }
        // Clearing first-in, first-out keeps both orders the same, so the
        // newest borrowing repaid is also the latest one cleared.
        repaid.reverse();
        repaid
    }
}

/// `days` days after `date`, or `date` itself at the end of time.
pub(crate) fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}
