//! The demo members of SPEC S17. They live in code, not in persisted state,
//! so their PINs and passwords are never written to browser storage.

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, Utc};
use portal_api::Channel;
use portal_domain::calendar::{previous_business_day_on_or_before, RepaymentDay};
use portal_domain::clock::{from_jst, to_jst};
use portal_domain::input::Credentials;
use portal_domain::money::Yen;
use portal_domain::rate::{capped_apr_for_line, Apr};
use rust_decimal::Decimal;

use crate::ledger::{days_after, Ledger, LedgerError};

/// How a demo member signs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoLogin {
    Card {
        card_number: &'static str,
        pin: &'static str,
    },
    WebId {
        web_id: &'static str,
        password: &'static str,
    },
    /// Has no WEB-ID yet; can register one (SPEC S5).
    MemberNumberOnly,
}

/// A payee account as seeded: a 普通 account in the member's own name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeedPayee {
    pub bank_code: &'static str,
    pub bank_name: &'static str,
    pub branch_code: &'static str,
    pub branch_name: &'static str,
    pub number: &'static str,
}

/// The member's seeded payee account, as the lender stores it.
pub fn seed_payee(m: &DemoMember) -> Option<crate::movements::StoredPayee> {
    m.payee.map(|p| crate::movements::StoredPayee {
        bank_code: p.bank_code.to_owned(),
        bank_name: p.bank_name.to_owned(),
        branch_code: p.branch_code.to_owned(),
        branch_name: p.branch_name.to_owned(),
        kind: portal_api::AccountKind::Ordinary,
        number: p.number.to_owned(),
        holder: m.kana.to_owned(),
    })
}

/// How long before the seed instant a seeded member of the point service
/// joined it.
pub const POINTS_JOINED_DAYS_BEFORE_SEED: i64 = 60;

/// The member's point service as seeded (SPEC S17: `demo0001` has joined).
///
/// The balance is the seed's figure; the history holds the one join bonus,
/// [`POINTS_JOINED_DAYS_BEFORE_SEED`] days before the seed instant (the
/// history is the latest entries, not a ledger that adds up to the
/// balance). The seed month counts as already rewarded, so the first
/// sign-in of the seed month earns no monthly bonus and the first bonus
/// comes with the next month's first sign-in; the demo therefore opens
/// with the balance S17 names.
pub fn seed_points(m: &DemoMember, now: DateTime<Utc>) -> Option<crate::points::PointsState> {
    let balance = m.points?;
    let joined_at = now - Duration::days(POINTS_JOINED_DAYS_BEFORE_SEED);
    Some(crate::points::PointsState::seeded(balance, joined_at, now))
}

/// One seeded member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoMember {
    pub id: &'static str,
    pub member_number: &'static str,
    pub email: &'static str,
    pub name: &'static str,
    /// The name's reading in full-width katakana, which payee account
    /// holder names are matched against (SPEC S8).
    pub kana: &'static str,
    /// A payee account registered at seeding (SPEC S17).
    pub payee: Option<SeedPayee>,
    pub login: DemoLogin,
    /// Shown on the sign-in page in fake mode, in each locale.
    pub description_ja: &'static str,
    pub description_en: &'static str,
    pub balance: i64,
    pub credit_line: i64,
    /// Contract APR in basis points (1780 = 17.8%).
    pub apr_bp: u32,
    pub repayment_day: Option<RepaymentDay>,
    /// Consecutive failures that lock the account: 3 to 5, never shown.
    pub lock_threshold: u8,
    pub initially_locked: bool,
    pub suspended: bool,
    /// Registered e-mail and web statements and never borrowed: eligible for
    /// 30 days interest-free from the first borrowing (SPEC S1).
    pub interest_free_eligible: bool,
    /// The point balance of a member who has joined the point service
    /// (SPEC S14, S17); `None` for one who has not (`seed_points`).
    pub points: Option<u32>,
    /// Days past the missed due date at the seed instant, for the overdue
    /// member: exactly this many whenever the day that many days before the
    /// seed day is a business day, a few more otherwise (see
    /// `overdue_history`).
    pub overdue_days_at_seed: Option<i64>,
    pub last_sign_in_days_ago: Option<i64>,
}

impl DemoMember {
    /// Whether these credentials name this member (whatever the secret).
    pub fn matches_login(&self, c: &Credentials) -> bool {
        match (self.login, c) {
            (DemoLogin::Card { card_number, .. }, Credentials::Card { card, .. }) => {
                card.as_str() == card_number
            }
            (DemoLogin::WebId { web_id, .. }, Credentials::WebId { web_id: id, .. }) => {
                id.as_str() == web_id
            }
            _ => false,
        }
    }

    /// Whether the secret is right. Comparison is case-sensitive (SPEC S4).
    pub fn secret_matches(&self, c: &Credentials) -> bool {
        match (self.login, c) {
            (DemoLogin::Card { pin, .. }, Credentials::Card { pin: given, .. }) => {
                given.as_str() == pin
            }
            (
                DemoLogin::WebId { password, .. },
                Credentials::WebId {
                    password: given, ..
                },
            ) => given.as_str() == password,
            _ => false,
        }
    }
}

/// Looks a member up by internal id.
pub(crate) fn member(id: &str) -> Option<&'static DemoMember> {
    demo_members().iter().find(|m| m.id == id)
}

/// The demo members, in the order the sign-in page lists them.
pub fn demo_members() -> &'static [DemoMember] {
    &MEMBERS
}

static MEMBERS: [DemoMember; 8] = [
    DemoMember {
        id: "m-card10",
        member_number: "100000001",
        email: "card7890@example.com",
        name: "見本 花子",
        kana: "ミホン ハナコ",
        payee: Some(SeedPayee {
            bank_code: "0005",
            bank_name: "三菱UFJ",
            branch_code: "001",
            branch_name: "本店",
            number: "1234567",
        }),
        login: DemoLogin::Card {
            card_number: "1234567890",
            pin: "1234",
        },
        description_ja: "カード会員（10桁）: 残高15万円・限度額50万円",
        description_en: "Card member (10 digits): balance ¥150,000, line ¥500,000",
        balance: 150_000,
        credit_line: 500_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 4,
        initially_locked: false,
        suspended: false,
        interest_free_eligible: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(3),
    },
    DemoMember {
        id: "m-card16",
        member_number: "100000002",
        email: "card3456@example.com",
        name: "見本 次郎",
        kana: "ミホン ジロウ",
        payee: None,
        login: DemoLogin::Card {
            card_number: "1234567890123456",
            pin: "4321",
        },
        description_ja: "カード会員（16桁）: 残高なし・限度額30万円",
        description_en: "Card member (16 digits): no balance, line ¥300,000",
        balance: 0,
        credit_line: 300_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::Fifth),
        lock_threshold: 5,
        initially_locked: false,
        suspended: false,
        interest_free_eligible: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(20),
    },
    DemoMember {
        id: "m-web",
        member_number: "100000003",
        email: "demo0001@example.com",
        name: "見本 太一",
        kana: "ミホン タイチ",
        payee: Some(SeedPayee {
            bank_code: "0001",
            bank_name: "みずほ",
            branch_code: "001",
            branch_name: "東京営業部",
            number: "7654321",
        }),
        login: DemoLogin::WebId {
            web_id: "demo0001",
            password: "Passw0rd",
        },
        description_ja: "WEB-ID会員: 残高48万円・限度額100万円・ポイント会員",
        description_en: "WEB-ID member: balance ¥480,000, line ¥1,000,000, points member",
        balance: 480_000,
        credit_line: 1_000_000,
        apr_bp: 1500,
        repayment_day: Some(RepaymentDay::Fifth),
        lock_threshold: 3,
        initially_locked: false,
        suspended: false,
        interest_free_eligible: false,
        points: Some(1_250),
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(1),
    },
    DemoMember {
        id: "m-new",
        member_number: "100000004",
        email: "newmember01@example.com",
        name: "見本 新",
        kana: "ミホン アラタ",
        payee: None,
        login: DemoLogin::WebId {
            web_id: "newmember01",
            password: "Welcome2024",
        },
        description_ja: "はじめての方: 借入前・30日間無利息の対象",
        description_en: "First-time member: never borrowed, eligible for 30 days interest-free",
        balance: 0,
        credit_line: 500_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::LastDay),
        lock_threshold: 5,
        initially_locked: false,
        suspended: false,
        interest_free_eligible: true,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: None,
    },
    DemoMember {
        id: "m-overdue",
        member_number: "100000005",
        email: "overdue01@example.com",
        name: "見本 遅子",
        kana: "ミホン オソコ",
        payee: None,
        login: DemoLogin::WebId {
            web_id: "overdue01",
            password: "Overdue2024",
        },
        description_ja: "延滞中の会員: 返済期日から12日経過",
        description_en: "Overdue member: 12 days past due",
        balance: 200_000,
        credit_line: 300_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::Fifteenth),
        lock_threshold: 4,
        initially_locked: false,
        suspended: false,
        interest_free_eligible: false,
        points: None,
        overdue_days_at_seed: Some(12),
        last_sign_in_days_ago: Some(30),
    },
    DemoMember {
        id: "m-locked",
        member_number: "100000006",
        email: "card6677@example.com",
        name: "見本 鍵男",
        kana: "ミホン カギオ",
        payee: None,
        login: DemoLogin::Card {
            card_number: "5555666677",
            pin: "1111",
        },
        description_ja: "セキュリティロック中の会員",
        description_en: "Security-locked member",
        balance: 50_000,
        credit_line: 100_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 3,
        initially_locked: true,
        suspended: false,
        interest_free_eligible: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(10),
    },
    DemoMember {
        id: "m-suspended",
        member_number: "100000007",
        email: "suspended01@example.com",
        name: "見本 止",
        kana: "ミホン トメ",
        payee: None,
        login: DemoLogin::WebId {
            web_id: "suspended01",
            password: "Suspend2024",
        },
        description_ja: "利用停止中の会員",
        description_en: "Suspended member",
        balance: 90_000,
        credit_line: 100_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 5,
        initially_locked: false,
        suspended: true,
        interest_free_eligible: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: Some(60),
    },
    DemoMember {
        id: "m-noweb",
        member_number: "123456789",
        email: "taro@example.com",
        name: "見本 太郎",
        kana: "ミホン タロウ",
        payee: None,
        login: DemoLogin::MemberNumberOnly,
        description_ja:
            "WEB-ID未登録の会員（会員番号 123456789・taro@example.com）: WEB-ID登録ができます",
        description_en:
            "Member without a WEB-ID (member number 123456789, taro@example.com): can register one",
        balance: 0,
        credit_line: 200_000,
        apr_bp: 1780,
        repayment_day: Some(RepaymentDay::TwentyFifth),
        lock_threshold: 4,
        initially_locked: false,
        suspended: false,
        interest_free_eligible: false,
        points: None,
        overdue_days_at_seed: None,
        last_sign_in_days_ago: None,
    },
];

/// The shape of a seeded member's history: when it starts, what was borrowed
/// first, and which repayments (counted from zero) are followed a few days
/// later by a further borrowing. The last entry is always a borrowing sized
/// so that the balance ends at the S17 figure exactly.
struct HistoryPlan {
    days_ago: u64,
    initial: i64,
    extras: &'static [(usize, i64, Channel)],
}

/// The history each member with a balance gets; the 10-digit card member's
/// spans a year, as S17 asks. That member's first borrowing is small so that
/// a year of repayments clears it, which gives the history page a borrowing
/// repaid in full to show how many days it took (S7).
fn plan(member_id: &str) -> HistoryPlan {
    match member_id {
        "m-card10" => HistoryPlan {
            days_ago: 372,
            initial: 10_000,
            extras: &[(2, 30_000, Channel::Atm), (6, 20_000, Channel::Transfer)],
        },
        "m-web" => HistoryPlan {
            days_ago: 190,
            initial: 500_000,
            extras: &[],
        },
        "m-suspended" => HistoryPlan {
            days_ago: 100,
            initial: 80_000,
            extras: &[],
        },
        _ => HistoryPlan {
            days_ago: 100,
            initial: 40_000,
            extras: &[],
        },
    }
}

/// The member's contract rate, never above the legal cap for the member's
/// credit line (SPEC S1): a rate above it is lowered to the cap
/// (`capped_apr_for_line`, which any later change of a line goes through
/// too), because the lender never holds a member above the cap. Every
/// seeded rate is valid and within its cap (the tests check both, so the
/// S17 rates are shown as written), and the 20% fallback, capped like any
/// other rate, exists only to keep this function total.
pub(crate) fn member_apr(member: &DemoMember) -> Apr {
    let contract =
        Apr::from_percent(Decimal::new(i64::from(member.apr_bp), 2)).unwrap_or(Apr::late_charge());
    capped_apr_for_line(Yen(member.credit_line), contract)
}

/// A ledger of `entries` entries spread evenly over the year before `now`
/// (about 100,000 yen borrowed, then 10,000-yen repayments and borrowings
/// in turn), on the 10-digit card member's terms: the member of SPEC S7 with
/// a long history, for the benchmark and the scale tests. Every entry is
/// booked through the ledger, so its parts follow the money rules.
pub fn busy_ledger(entries: usize, now: DateTime<Utc>) -> Ledger {
    let terms = demo_members()
        .first()
        .map_or(Apr::late_charge(), member_apr);
    let mut ledger = Ledger::new(terms, RepaymentDay::TwentyFifth, false);
    let Some(start) = now.checked_sub_signed(Duration::days(365)) else {
        return ledger;
    };
    let step_ms = Duration::days(365).num_milliseconds() / entries.max(1) as i64;
    for i in 0..entries {
        let at = start + Duration::milliseconds(step_ms * i as i64);
        let booked = if i == 0 {
            ledger.apply_borrowing(Yen(100_000), Channel::Atm, at)
        } else if i % 2 == 1 {
            let amount = Yen(10_000).min(ledger.payoff(to_jst(at).date()));
            ledger.apply_repayment(amount, Channel::InternetRepayment, at)
        } else {
            ledger.apply_borrowing(Yen(10_000), Channel::Atm, at)
        };
        if booked.is_err() {
            break;
        }
    }
    ledger
}

/// The instant `hour`:00 Japan time on `date`.
fn jst(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    from_jst(date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default()))
}

/// A member's ledger as seeded at `seeded_at`: deterministic, and dated
/// relative to the seed so the demo looks the same whenever it starts.
/// Members without a balance get an empty ledger.
pub(crate) fn seed_ledger(member: &DemoMember, seeded_at: DateTime<Utc>) -> Ledger {
    let day = member.repayment_day.unwrap_or(RepaymentDay::TwentyFifth);
    let empty = Ledger::new(member_apr(member), day, member.interest_free_eligible);
    if member.balance <= 0 {
        return empty;
    }
    let mut ledger = empty.clone();
    let today = to_jst(seeded_at).date();
    let written = match member.overdue_days_at_seed {
        Some(days) => overdue_history(&mut ledger, today, days, Yen(member.balance)),
        None => regular_history(&mut ledger, today, &plan(member.id), Yen(member.balance)),
    };
    // A plan that cannot be booked would be a bug in this file, caught by
    // the seeded-figures tests; an empty ledger keeps the demo running.
    written.map_or(empty, |()| ledger)
}

/// A member in good standing: an initial borrowing, a repayment of at least
/// the minimum on every due date before the seed day, the plan's extra
/// borrowings, and a last borrowing that brings the balance to `target`.
fn regular_history(
    ledger: &mut Ledger,
    today: NaiveDate,
    plan: &HistoryPlan,
    target: Yen,
) -> Result<(), LedgerError> {
    let start = today
        .checked_sub_days(Days::new(plan.days_ago))
        .unwrap_or(today);
    ledger.apply_borrowing(Yen(plan.initial), Channel::Atm, jst(start, 13))?;
    let channels = [Channel::Debit, Channel::InternetRepayment, Channel::Atm];
    let mut count: usize = 0;
    // The ledger itself names each due date, so the seed can never pay on a
    // date the ledger would not count; due dates on or after the seed day
    // are left for the member to pay.
    while let Some(due) = ledger.next_due(start).filter(|d| d.date < today) {
        // Every fourth month the member pays 10,000 yen more than asked.
        let extra = if count % 4 == 3 { 10_000 } else { 0 };
        let amount = Yen(due.minimum.0 + extra).min(ledger.payoff(due.date));
        let channel = channels
            .get(count % channels.len())
            .copied()
            .unwrap_or(Channel::Atm);
        ledger.apply_repayment(amount, channel, jst(due.date, 10))?;
        if let Some((_, more, how)) = plan.extras.iter().find(|(k, _, _)| *k == count) {
            let on = days_after(due.date, 5);
            // Only well before the seed day, so the last borrowing still follows it.
            if days_after(on, 1) < today {
                ledger.apply_borrowing(Yen(*more), *how, jst(on, 19))?;
            }
        }
        count += 1;
    }
    let last = ledger.entries.last().map_or(jst(start, 13), |e| e.at);
    let top_up = Yen(target.0 - ledger.balance().0);
    let at = last.checked_add_signed(Duration::hours(5)).unwrap_or(last);
    ledger.apply_borrowing(top_up, Channel::Atm, at)?;
    Ok(())
}

/// The overdue member: one borrowing by transfer, 25 days before its first
/// due date, which was missed. The due date is set explicitly (as a lender
/// does when it agrees a date with a member) rather than on the member's
/// repayment day, so that the member is late by S17's 12 days whatever day
/// the demo starts; the due dates after it follow the repayment day.
///
/// Like every due date it is a business day (SPEC S2), which decides the
/// one case the seed instant leaves open. The seed instant is given (the
/// page's clock or the server's), so the date `overdue_days` before the seed
/// day is taken when it is a business day, and the member is then exactly
/// `overdue_days` late. When it is not (a weekend, a holiday, the year-end
/// closure), the due date is the latest business day before it, and the
/// member is a few days more late: 13 or 14 after a weekend (seeded on a
/// Thursday or a Friday), more after a holiday, and up to 17 or 18 after
/// the year-end closure (seeded on 2026-01-16, 12 days back is Sunday
/// 2026-01-04, so the due date is Tuesday 2025-12-30 and the member is 17
/// days late). A later due date would leave the member less late than S17
/// says, and a date that is not a business day is one no due date ever
/// falls on. The demo's fixed instant, Wednesday 2026-11-25, and every
/// Saturday to Wednesday seed outside holiday weeks give exactly 12 (a test
/// checks every seed day of three years).
fn overdue_history(
    ledger: &mut Ledger,
    today: NaiveDate,
    overdue_days: i64,
    target: Yen,
) -> Result<(), LedgerError> {
    let back = |date: NaiveDate, days: i64| {
        date.checked_sub_days(Days::new(u64::try_from(days).unwrap_or(0)))
            .unwrap_or(date)
    };
    let missed = previous_business_day_on_or_before(back(today, overdue_days));
    let borrowed = back(missed, 25);
    ledger.apply_borrowing(target, Channel::Transfer, jst(borrowed, 11))?;
    ledger.first_due = Some(missed);
    Ok(())
}
