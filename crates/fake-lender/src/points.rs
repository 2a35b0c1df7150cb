//! The point service (ポイントサービス, SPEC S14) on `Lender`: joining, the
//! monthly bonus a sign-in earns, the balance and history, and exchanges.
//!
//! The rules are the domain's (`portal_domain::points`); this module keeps
//! each member's `PointsState` and applies them. Joining gives
//! [`JOIN_BONUS`] points once and records the joining month as rewarded, so
//! the first [`MONTHLY_BONUS`] comes with the next month's first sign-in
//! (`Lender::sign_in` calls [`PointsState::credit_monthly_bonus`]).
//!
//! An exchange is keyed like a money movement (`crate::movements`): the
//! same `Idempotency-Key` with the same request answers the first receipt
//! and spends nothing again; the same key with another request is
//! `IdempotencyConflict`. Keys are the member's own and are kept with their
//! points, so `GET /movements` does not list them: a client that lost an
//! exchange's answer sends the same request under the same key again.
//! Points toward a repayment book a real repayment on the ledger at once
//! (`Channel::Points`: late charge, then interest, then principal, as every
//! repayment), whenever the member service is open: points are no bank
//! transfer, so the internet-repayment windows of SPEC S3 do not apply.

use crate::movements::check_key;
use crate::serve::{Call, Serve};
use crate::Lender;
use chrono::{DateTime, Utc};
use portal_api::ops;
use portal_api::{
    BackendError, Channel, ExchangeReceipt, ExchangeRequest, PointEntry, PointKind, PointsStatus,
    RepaymentSplit, SessionToken,
};
use portal_domain::clock::{format_datetime_ja, to_jst};
use portal_domain::money::Yen;
use portal_domain::points::{
    bonus_month, check_exchange, monthly_bonus_due, points_to_yen, BonusMonth, ExchangeError,
    ExchangeItem, GOODS_MINIMUM, JOIN_BONUS, MONTHLY_BONUS,
};
use serde::{Deserialize, Serialize};

/// The most point history entries kept per member; older ones are
/// forgotten, so the persisted state stays bounded however long the demo
/// runs.
pub const MAX_POINT_HISTORY: usize = 200;

/// The most history entries `PointsStatus` carries, newest first.
pub const STATUS_HISTORY: usize = 50;

/// The most exchange keys remembered per member, the latest kept. A key
/// older than this many later exchanges would spend again, which a portal
/// that sends one key per confirmed exchange never does.
pub const MAX_EXCHANGE_KEYS: usize = 200;

/// The notice e-mail's subject when a member joins.
pub const JOIN_SUBJECT: &str = "ポイントサービス入会のお知らせ";

/// The notice e-mail's subject for an exchange.
pub const EXCHANGE_SUBJECT: &str = "ポイント交換受付のお知らせ";

/// One line of a member's point history as the lender keeps it (the time
/// as epoch milliseconds, like every persisted instant).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredPointEntry {
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    pub kind: PointKind,
    /// Added (positive) or spent (negative).
    pub points: i64,
    #[serde(default)]
    pub item: Option<ExchangeItem>,
    #[serde(default)]
    pub reception_number: Option<String>,
}

impl StoredPointEntry {
    fn view(&self) -> PointEntry {
        PointEntry {
            at: self.at,
            kind: self.kind,
            points: self.points,
            item: self.item,
            reception_number: self.reception_number.clone(),
        }
    }
}

/// One exchange under an `Idempotency-Key`, and what it answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRecord {
    pub key: String,
    pub request: ExchangeRequest,
    pub receipt: ExchangeReceipt,
}

/// A member's point service, from the moment they join.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsState {
    pub balance: u32,
    /// The JST month whose bonus the member last had (joining counts).
    #[serde(default)]
    pub last_bonus_month: Option<BonusMonth>,
    /// Oldest first, the latest [`MAX_POINT_HISTORY`] entries.
    #[serde(default)]
    pub history: Vec<StoredPointEntry>,
    /// Oldest first, the latest [`MAX_EXCHANGE_KEYS`] keyed exchanges.
    #[serde(default)]
    pub exchanges: Vec<ExchangeRecord>,
}

impl PointsState {
    /// A member who joins at `now`: the join bonus, and this JST month
    /// counted as rewarded.
    pub fn joined(now: DateTime<Utc>) -> Self {
        PointsState::seeded(JOIN_BONUS, now, now)
    }

    /// A member who joined at `joined_at` and holds `balance` points at
    /// `now`, with this JST month counted as rewarded (`seed::seed_points`).
    pub fn seeded(balance: u32, joined_at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        PointsState {
            balance,
            last_bonus_month: Some(bonus_month(to_jst(now))),
            history: vec![StoredPointEntry {
                at: joined_at,
                kind: PointKind::JoinBonus,
                points: i64::from(JOIN_BONUS),
                item: None,
                reception_number: None,
            }],
            exchanges: Vec::new(),
        }
    }

    /// Adds the monthly bonus when a sign-in at `now` is the first of a JST
    /// month later than the last one rewarded. True when it did.
    pub fn credit_monthly_bonus(&mut self, now: DateTime<Utc>) -> bool {
        let at = to_jst(now);
        if !monthly_bonus_due(self.last_bonus_month, at) {
            return false;
        }
        self.balance = self.balance.saturating_add(MONTHLY_BONUS);
        self.last_bonus_month = Some(bonus_month(at));
        self.record(StoredPointEntry {
            at: now,
            kind: PointKind::MonthlyBonus,
            points: i64::from(MONTHLY_BONUS),
            item: None,
            reception_number: None,
        });
        true
    }

    fn record(&mut self, entry: StoredPointEntry) {
        self.history.push(entry);
        let excess = self.history.len().saturating_sub(MAX_POINT_HISTORY);
        self.history.drain(..excess);
    }

    fn remember(&mut self, record: ExchangeRecord) {
        self.exchanges.push(record);
        let excess = self.exchanges.len().saturating_sub(MAX_EXCHANGE_KEYS);
        self.exchanges.drain(..excess);
    }

    fn status(&self) -> PointsStatus {
        PointsStatus {
            joined: true,
            balance: self.balance,
            history: self
                .history
                .iter()
                .rev()
                .take(STATUS_HISTORY)
                .map(StoredPointEntry::view)
                .collect(),
        }
    }
}

/// What `GET /points` answers for a member, joined or not.
fn status_of(points: Option<&PointsState>) -> PointsStatus {
    points.map_or(
        PointsStatus {
            joined: false,
            balance: 0,
            history: Vec::new(),
        },
        PointsState::status,
    )
}

/// A number of points as the e-mails write it: `1,250ポイント`.
fn points_ja(points: u32) -> String {
    let yen = Yen(i64::from(points)).format_ja();
    format!("{}ポイント", yen.trim_end_matches('円'))
}

impl Lender {
    /// The member's points: balance and the newest [`STATUS_HISTORY`]
    /// history entries (SPEC S14).
    pub fn points(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<PointsStatus, BackendError> {
        let member = self.member_for(token, now)?;
        Ok(status_of(self.account(member.id)?.points.as_ref()))
    }

    /// Joins the point service: [`JOIN_BONUS`] points and a notice e-mail
    /// the first time; joining again changes nothing and answers the status.
    pub fn join_points(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<PointsStatus, BackendError> {
        let member = self.member_for(token, now)?;
        let account = self.account_mut(member.id)?;
        if let Some(points) = &account.points {
            return Ok(points.status());
        }
        let points = PointsState::joined(now);
        let status = points.status();
        account.points = Some(points);
        self.send_mail(
            member,
            now,
            JOIN_SUBJECT,
            format!(
                "ポイントサービスへのご入会を受け付けました。\n入会日時: {}\n入会特典: {}\nポイント残高: {}\n\n来月から、毎月最初のログインで{}を差し上げます。\nポイントは1ポイント＝1円としてご返済に充当できるほか、{}から商品と交換できます。",
                format_datetime_ja(to_jst(now)),
                points_ja(JOIN_BONUS),
                points_ja(status.balance),
                points_ja(MONTHLY_BONUS),
                points_ja(GOODS_MINIMUM),
            ),
        );
        Ok(status)
    }

    /// Spends points on a catalogue item under the member's `key` (once,
    /// however often the same request arrives). Toward a repayment the
    /// points book a repayment on the ledger now, one yen a point, never
    /// more than today's payoff; goods cost their price and must come
    /// without a number of points. A member who has not joined is refused
    /// with [`ExchangeError::NotJoined`].
    pub fn exchange_points(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        key: Option<&str>,
        request: ExchangeRequest,
    ) -> Result<ExchangeReceipt, BackendError> {
        let member = self.member_for(token, now)?;
        let key = check_key(key)?;
        let account = self.account(member.id)?;
        let points = account
            .points
            .as_ref()
            .ok_or(BackendError::ExchangeRefused {
                refusal: ExchangeError::NotJoined,
            })?;
        if let Some(first) = points.exchanges.iter().find(|r| r.key == key) {
            return if first.request == request {
                Ok(first.receipt.clone())
            } else {
                Err(BackendError::IdempotencyConflict)
            };
        }
        let is_repayment = request.item.price().is_none();
        if !is_repayment && request.points.is_some() {
            return Err(BackendError::InvalidInput {
                problems: Vec::new(),
            });
        }
        let owed = account.ledger.payoff(to_jst(now).date());
        let spent = check_exchange(points.balance, request.item, request.points, owed)
            .map_err(|refusal| BackendError::ExchangeRefused { refusal })?;
        // The ledger first: a repayment it cannot book (a clock before its
        // last entry) leaves everything as it was.
        let repayment = if is_repayment {
            let entry = self
                .account_mut(member.id)?
                .ledger
                .apply_repayment(points_to_yen(spent), Channel::Points, now)
                .map_err(|_| BackendError::Server)?;
            Some(RepaymentSplit {
                late_charge: entry.late_charge,
                interest: entry.interest,
                principal: entry.principal,
                balance_after: entry.balance_after,
            })
        } else {
            None
        };
        let reception_number = self.next_reception_number('P', now);
        let points = self
            .account_mut(member.id)?
            .points
            .as_mut()
            .ok_or(BackendError::Server)?;
        points.balance = points.balance.saturating_sub(spent);
        let receipt = ExchangeReceipt {
            reception_number: reception_number.clone(),
            item: request.item,
            points: spent,
            balance_after: points.balance,
            repayment,
        };
        points.record(StoredPointEntry {
            at: now,
            kind: PointKind::Exchange,
            points: -i64::from(spent),
            item: Some(request.item),
            reception_number: Some(reception_number),
        });
        points.remember(ExchangeRecord {
            key: key.to_owned(),
            request,
            receipt: receipt.clone(),
        });
        let what = match receipt.repayment {
            Some(split) => format!(
                "ご返済への充当額: {}\n内訳: 遅延損害金 {} / 利息 {} / 元金 {}\n返済後残高: {}",
                points_to_yen(spent).format_ja(),
                split.late_charge.format_ja(),
                split.interest.format_ja(),
                split.principal.format_ja(),
                split.balance_after.format_ja(),
            ),
            None => "商品のお届けについては、別途ご案内いたします。".to_owned(),
        };
        self.send_mail(
            member,
            now,
            EXCHANGE_SUBJECT,
            format!(
                "ポイント交換を受け付けました。\n受付番号: {}\n受付日時: {}\n交換内容: {}\nご利用ポイント: {}\n交換後のポイント残高: {}\n{what}",
                receipt.reception_number,
                format_datetime_ja(to_jst(now)),
                receipt.item.name_ja(),
                points_ja(spent),
                points_ja(receipt.balance_after),
            ),
        );
        Ok(receipt)
    }
}

/// The session a call presents; `serve::serve` has already refused a
/// session operation without one.
fn session<'a>(call: &Call<'a>) -> Result<&'a SessionToken, BackendError> {
    call.session.ok_or(BackendError::NotSignedIn)
}

impl Serve<ops::GetPoints> for Lender {
    fn serve(&mut self, call: &mut Call<'_>, (): ()) -> Result<PointsStatus, BackendError> {
        self.points(session(call)?, call.now)
    }
}

impl Serve<ops::JoinPoints> for Lender {
    fn serve(&mut self, call: &mut Call<'_>, (): ()) -> Result<PointsStatus, BackendError> {
        self.join_points(session(call)?, call.now)
    }
}

impl Serve<ops::ExchangePoints> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: ExchangeRequest,
    ) -> Result<ExchangeReceipt, BackendError> {
        self.exchange_points(session(call)?, call.now, call.idempotency_key, request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::movements::Mail;
    use chrono::{NaiveDate, NaiveDateTime};
    use portal_api::{EntryKind, HistoryQuery, SignInRequest};
    use portal_domain::clock::from_jst;

    /// Wednesday 2026-11-25 12:00 JST, the instant the lenders below are seeded.
    fn seed_instant() -> DateTime<Utc> {
        jst(2026, 11, 25, 12, 0)
    }

    fn jst(y: i32, m: u32, d: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        let wall: NaiveDateTime = NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|day| day.and_hms_opt(hour, minute, 0))
            .unwrap_or_else(|| panic!("no such time {y}-{m}-{d} {hour}:{minute}"));
        from_jst(wall)
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    use crate::tests::fresh_token;

    /// demo0001, the seeded member of the point service (1,250 points).
    fn demo() -> SignInRequest {
        SignInRequest::WebId {
            web_id: "demo0001".into(),
            password: "Passw0rd".into(),
        }
    }

    /// The 10-digit card member, who has not joined.
    fn card_member() -> SignInRequest {
        SignInRequest::Card {
            card_number: "1234567890".into(),
            pin: "1234".into(),
        }
    }

    /// The 16-digit card member, who owes nothing.
    fn debt_free() -> SignInRequest {
        SignInRequest::Card {
            card_number: "1234567890123456".into(),
            pin: "4321".into(),
        }
    }

    fn sign_in(lender: &mut Lender, who: &SignInRequest, now: DateTime<Utc>) -> SessionToken {
        lender
            .sign_in(who, now, fresh_token())
            .ok()
            .and_then(|s| s.token)
            .unwrap_or_else(|| panic!("sign-in failed at {now}"))
    }

    fn balance(lender: &mut Lender, token: &SessionToken, now: DateTime<Utc>) -> u32 {
        let status = lender.points(token, now);
        status
            .map(|s| s.balance)
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn mails(lender: &Lender, subject: &str) -> Vec<Mail> {
        let all = lender.mailbox().into_iter();
        all.filter(|m| m.subject == subject).collect()
    }

    fn goods(item: ExchangeItem) -> ExchangeRequest {
        ExchangeRequest { item, points: None }
    }

    fn toward_repayment(points: u32) -> ExchangeRequest {
        ExchangeRequest {
            item: ExchangeItem::Repayment,
            points: Some(points),
        }
    }

    fn refused(refusal: ExchangeError) -> Result<ExchangeReceipt, BackendError> {
        Err(BackendError::ExchangeRefused { refusal })
    }

    #[test]
    fn joining_gives_100_points_once() {
        let now = seed_instant();
        let mut lender = Lender::seeded(now, 3);
        let token = sign_in(&mut lender, &card_member(), now);
        let before = lender.points(&token, now);
        assert_eq!(
            before,
            Ok(PointsStatus {
                joined: false,
                balance: 0,
                history: vec![]
            })
        );
        let summary = lender.account_summary(&token, now).map(|s| s.points);
        assert_eq!(summary, Ok(None), "the home page shows no points");

        let joined = lender
            .join_points(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(joined.joined);
        assert_eq!(joined.balance, 100);
        assert_eq!(
            joined.history,
            vec![PointEntry {
                at: now,
                kind: PointKind::JoinBonus,
                points: 100,
                item: None,
                reception_number: None,
            }]
        );
        assert_eq!(lender.points(&token, now).as_ref(), Ok(&joined));
        let summary = lender.account_summary(&token, now).map(|s| s.points);
        assert_eq!(summary, Ok(Some(100)));
        let sent = mails(&lender, JOIN_SUBJECT);
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].to, "card7890@example.com");
        assert!(
            sent[0].body.contains("入会特典: 100ポイント"),
            "{}",
            sent[0].body
        );

        // Joining again gives nothing, sends nothing and changes nothing.
        let state = lender.state().clone();
        let later = now + chrono::Duration::minutes(5);
        assert_eq!(lender.join_points(&token, later), Ok(joined));
        assert_eq!(lender.state(), &state);
        assert_eq!(mails(&lender, JOIN_SUBJECT).len(), 1);
    }

    #[test]
    fn the_seeded_member_has_joined_and_starts_with_the_seed_balance() {
        let now = seed_instant();
        let mut lender = Lender::seeded(now, 3);
        let token = sign_in(&mut lender, &demo(), now);
        let status = lender
            .points(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(status.joined);
        // No monthly bonus at the first sign-in of the seed month.
        assert_eq!(status.balance, 1_250);
        let join = status.history.first().map(|e| (e.kind, e.points, e.at));
        assert_eq!(
            join,
            Some((PointKind::JoinBonus, 100, now - chrono::Duration::days(60)))
        );
        assert_eq!(status.history.len(), 1);
        let summary = lender.account_summary(&token, now).map(|s| s.points);
        assert_eq!(summary, Ok(Some(1_250)));
        assert_eq!(
            lender.join_points(&token, now).map(|s| s.balance),
            Ok(1_250)
        );
        assert!(mails(&lender, JOIN_SUBJECT).is_empty());
    }

    #[test]
    fn the_monthly_bonus_comes_with_the_first_sign_in_of_a_japan_month() {
        let mut lender = Lender::seeded(seed_instant(), 3);
        // (when, balance after signing in then)
        let steps = [
            (
                "the last minute of November in Japan",
                jst(2026, 11, 30, 23, 59),
                1_250,
            ),
            (
                "midnight, December 1 in Japan",
                jst(2026, 12, 1, 0, 0),
                1_260,
            ),
            ("later the same day", jst(2026, 12, 1, 9, 0), 1_260),
            ("the last day of December", jst(2026, 12, 31, 23, 59), 1_260),
            ("a new year", jst(2027, 1, 5, 12, 0), 1_270),
            (
                "the clock moved back a month",
                jst(2026, 12, 20, 12, 0),
                1_270,
            ),
            ("two months on", jst(2027, 3, 2, 12, 0), 1_280),
        ];
        for (case, at, expected) in steps {
            let token = sign_in(&mut lender, &demo(), at);
            assert_eq!(balance(&mut lender, &token, at), expected, "{case}");
        }
        let at = jst(2027, 3, 2, 13, 0);
        let token = sign_in(&mut lender, &demo(), at);
        let history = lender
            .points(&token, at)
            .map(|s| s.history)
            .unwrap_or_default();
        let bonuses: Vec<_> = history
            .iter()
            .filter(|e| e.kind == PointKind::MonthlyBonus)
            .map(|e| (to_jst(e.at).date(), e.points))
            .collect();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(
            bonuses,
            [
                (day(2027, 3, 2), 10),
                (day(2027, 1, 5), 10),
                (day(2026, 12, 1), 10)
            ],
            "newest first"
        );
        // No e-mail for a monthly bonus.
        assert!(lender.mailbox().is_empty());
    }

    #[test]
    fn a_utc_instant_already_in_december_in_japan_earns_the_bonus() {
        let mut lender = Lender::seeded(seed_instant(), 3);
        // 14:59 UTC on November 30 is 23:59 in Japan: still November.
        let november = utc("2026-11-30T14:59:00Z");
        let token = sign_in(&mut lender, &demo(), november);
        assert_eq!(balance(&mut lender, &token, november), 1_250);
        // 15:00 UTC on November 30 is already December 1 in Japan.
        let december = utc("2026-11-30T15:00:00Z");
        let token = sign_in(&mut lender, &demo(), december);
        assert_eq!(balance(&mut lender, &token, december), 1_260);
    }

    #[test]
    fn joining_counts_as_the_months_bonus_and_failures_earn_nothing() {
        let now = seed_instant();
        let mut lender = Lender::seeded(now, 3);
        let token = sign_in(&mut lender, &card_member(), now);
        assert!(lender.join_points(&token, now).is_ok());
        let later = jst(2026, 11, 27, 10, 0);
        let token = sign_in(&mut lender, &card_member(), later);
        assert_eq!(balance(&mut lender, &token, later), 100);
        // A wrong PIN in December is no sign-in and earns nothing.
        let december = jst(2026, 12, 2, 10, 0);
        let wrong = SignInRequest::Card {
            card_number: "1234567890".into(),
            pin: "9999".into(),
        };
        assert!(lender.sign_in(&wrong, december, fresh_token()).is_err());
        assert_eq!(balance(&mut lender, &token, later), 100);
        let token = sign_in(&mut lender, &card_member(), december);
        assert_eq!(balance(&mut lender, &token, december), 110);
        // A member who has not joined collects nothing.
        let other = sign_in(&mut lender, &debt_free(), december);
        assert_eq!(balance(&mut lender, &other, december), 0);
    }

    #[test]
    fn goods_cost_their_price() {
        let now = seed_instant();
        let mut lender = Lender::seeded(now, 3);
        let token = sign_in(&mut lender, &demo(), now);
        let entries_before = ledger_entries(&mut lender, &token, now);
        let receipt = lender
            .exchange_points(&token, now, Some("eco-1"), goods(ExchangeItem::EcoBag))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(receipt.item, ExchangeItem::EcoBag);
        assert_eq!(receipt.points, 800);
        assert_eq!(receipt.balance_after, 450);
        assert_eq!(receipt.repayment, None);
        assert_eq!(receipt.reception_number, "P26112500001");
        assert_eq!(balance(&mut lender, &token, now), 450);
        assert_eq!(ledger_entries(&mut lender, &token, now), entries_before);
        let newest = lender
            .points(&token, now)
            .ok()
            .and_then(|s| s.history.first().cloned());
        assert_eq!(
            newest,
            Some(PointEntry {
                at: now,
                kind: PointKind::Exchange,
                points: -800,
                item: Some(ExchangeItem::EcoBag),
                reception_number: Some("P26112500001".into()),
            })
        );
        let sent = mails(&lender, EXCHANGE_SUBJECT);
        assert_eq!(sent.len(), 1);
        for line in [
            "受付番号: P26112500001",
            "交換内容: オリジナルエコバッグ",
            "ご利用ポイント: 800ポイント",
            "交換後のポイント残高: 450ポイント",
        ] {
            assert!(sent[0].body.contains(line), "{line} in {}", sent[0].body);
        }
        // What is left buys no more goods.
        assert_eq!(
            lender.exchange_points(
                &token,
                now,
                Some("gift-1"),
                goods(ExchangeItem::DigitalGift500)
            ),
            refused(ExchangeError::Insufficient { balance: 450 })
        );
    }

    fn ledger_entries(lender: &mut Lender, token: &SessionToken, now: DateTime<Utc>) -> u32 {
        let query = HistoryQuery {
            limit: Some(0),
            ..HistoryQuery::default()
        };
        lender.history(token, now, &query).map_or(0, |p| p.total)
    }

    /// A lender whose demo0001 owes exactly `owed` yen at the seed instant
    /// (the rest repaid at an ATM just before).
    fn owing(owed: i64) -> Lender {
        let now = seed_instant();
        let lender = Lender::seeded(now, 3);
        let mut state = lender.state().clone();
        let today = to_jst(now).date();
        for account in state.accounts.iter_mut().filter(|a| a.member_id == "m-web") {
            let payoff = account.ledger.payoff(today);
            let paid = account
                .ledger
                .apply_repayment(Yen(payoff.0 - owed), Channel::Atm, now);
            assert!(paid.is_ok(), "{paid:?}");
            assert_eq!(account.ledger.payoff(today), Yen(owed));
        }
        Lender::from_state(state, 3)
    }

    #[test]
    fn refusals_spend_nothing_and_record_no_key() {
        let now = seed_instant();
        let mut lender = owing(300);
        let demo_token = sign_in(&mut lender, &demo(), now);
        let card_token = sign_in(&mut lender, &card_member(), now);
        let free_token = sign_in(&mut lender, &debt_free(), now);
        // The debt-free member has not joined yet.
        assert_eq!(
            lender.exchange_points(&free_token, now, Some("k"), toward_repayment(100)),
            refused(ExchangeError::NotJoined)
        );
        assert!(lender.join_points(&card_token, now).is_ok());
        assert!(lender.join_points(&free_token, now).is_ok());
        let no_amount = ExchangeRequest {
            item: ExchangeItem::Repayment,
            points: None,
        };
        let goods_with_points = ExchangeRequest {
            item: ExchangeItem::EcoBag,
            points: Some(800),
        };
        let invalid = Err(BackendError::InvalidInput {
            problems: Vec::new(),
        });
        let cases = [
            (
                "no amount",
                &demo_token,
                no_amount,
                refused(ExchangeError::Required),
            ),
            (
                "below the minimum",
                &demo_token,
                toward_repayment(99),
                refused(ExchangeError::BelowMinimum { minimum: 100 }),
            ),
            (
                "over what is owed",
                &demo_token,
                toward_repayment(301),
                refused(ExchangeError::OverOwed { owed: Yen(300) }),
            ),
            (
                "goods with an amount",
                &demo_token,
                goods_with_points,
                invalid,
            ),
            (
                "more than the balance toward a repayment",
                &card_token,
                toward_repayment(150),
                refused(ExchangeError::Insufficient { balance: 100 }),
            ),
            (
                "goods costing more than the balance",
                &card_token,
                goods(ExchangeItem::DigitalGift500),
                refused(ExchangeError::Insufficient { balance: 100 }),
            ),
            (
                "nothing owed",
                &free_token,
                toward_repayment(100),
                refused(ExchangeError::NothingOwed),
            ),
        ];
        let state = lender.state().clone();
        for (case, token, request, expected) in cases {
            let answer = lender.exchange_points(token, now, Some("refused-1"), request);
            assert_eq!(answer, expected, "{case}");
            assert_eq!(lender.state(), &state, "{case}: nothing changed");
        }
        // No key at all, or a malformed one, is refused before anything else.
        for key in [None, Some(""), Some("a key")] {
            assert!(
                matches!(
                    lender.exchange_points(&demo_token, now, key, toward_repayment(100)),
                    Err(BackendError::InvalidInput { .. })
                ),
                "{key:?}"
            );
        }
        // A refused request's key was not used up.
        let paid =
            lender.exchange_points(&demo_token, now, Some("refused-1"), toward_repayment(300));
        assert_eq!(paid.map(|r| r.balance_after), Ok(950));
    }

    /// A lender whose demo0001 holds `points` points.
    fn rich(points: u32) -> Lender {
        let lender = Lender::seeded(seed_instant(), 3);
        let mut state = lender.state().clone();
        for account in state.accounts.iter_mut().filter(|a| a.member_id == "m-web") {
            if let Some(held) = account.points.as_mut() {
                held.balance = points;
            }
        }
        Lender::from_state(state, 3)
    }

    #[test]
    fn points_toward_a_repayment_book_it_on_the_ledger() {
        let now = seed_instant();
        let mut lender = rich(10_000);
        let token = sign_in(&mut lender, &demo(), now);
        let summary = |lender: &mut Lender| {
            lender
                .account_summary(&token, now)
                .unwrap_or_else(|e| panic!("{e:?}"))
        };
        let before = summary(&mut lender);
        let receipt = lender
            .exchange_points(&token, now, Some("repay-1"), toward_repayment(5_000))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((receipt.points, receipt.balance_after), (5_000, 5_000));
        let split = receipt.repayment.unwrap_or_else(|| panic!("no split"));
        // Late charge, then interest, then principal, as every repayment:
        // the interest owed is paid whole and the rest lowers the balance.
        assert_eq!(split.late_charge, Yen(0));
        assert_eq!(split.interest, before.accrued_interest);
        assert!(split.interest.0 > 0 && split.interest.0 < 5_000);
        assert_eq!(split.principal.0, 5_000 - split.interest.0);
        let after = summary(&mut lender);
        assert_eq!(split.balance_after, after.balance);
        assert_eq!(after.balance.0, before.balance.0 - split.principal.0);
        assert_eq!(after.payoff_today.0, before.payoff_today.0 - 5_000);
        assert_eq!(after.points, Some(5_000));
        let newest = lender
            .history(&token, now, &HistoryQuery::default())
            .ok()
            .and_then(|p| p.entries.first().cloned())
            .unwrap_or_else(|| panic!("no history"));
        assert_eq!(newest.kind, EntryKind::Repayment);
        assert_eq!(newest.channel, Channel::Points);
        assert_eq!(newest.amount, Yen(5_000));
        assert_eq!(newest.interest, split.interest);
        assert_eq!(newest.principal, split.principal);
        assert_eq!(newest.balance_after, split.balance_after);
        assert_eq!(newest.at, now);
        let sent = mails(&lender, EXCHANGE_SUBJECT);
        assert_eq!(sent.len(), 1);
        for line in [
            format!("受付番号: {}", receipt.reception_number),
            "ご利用ポイント: 5,000ポイント".to_owned(),
            "交換後のポイント残高: 5,000ポイント".to_owned(),
            "ご返済への充当額: 5,000円".to_owned(),
            format!(
                "内訳: 遅延損害金 0円 / 利息 {} / 元金 {}",
                split.interest.format_ja(),
                split.principal.format_ja()
            ),
            format!("返済後残高: {}", split.balance_after.format_ja()),
        ] {
            assert!(sent[0].body.contains(&line), "{line} in {}", sent[0].body);
        }
    }

    #[test]
    fn an_overdue_members_points_pay_the_late_charge_first() {
        let now = seed_instant();
        let mut lender = Lender::seeded(now, 3);
        let overdue = SignInRequest::WebId {
            web_id: "overdue01".into(),
            password: "Overdue2024".into(),
        };
        let token = sign_in(&mut lender, &overdue, now);
        assert!(lender.join_points(&token, now).is_ok());
        let before = lender.account_summary(&token, now);
        assert!(before.is_ok_and(|s| s.late_charge.0 > 100));
        let split = lender
            .exchange_points(&token, now, Some("late"), toward_repayment(100))
            .ok()
            .and_then(|r| r.repayment);
        assert_eq!(
            split.map(|s| (s.late_charge, s.interest, s.principal)),
            Some((Yen(100), Yen(0), Yen(0)))
        );
    }

    #[test]
    fn less_than_the_minimum_clears_a_small_remainder_exactly() {
        let now = seed_instant();
        let mut lender = owing(40);
        let token = sign_in(&mut lender, &demo(), now);
        let receipt = lender.exchange_points(&token, now, Some("last"), toward_repayment(40));
        let split = receipt.ok().and_then(|r| r.repayment);
        assert_eq!(split.map(|s| s.balance_after), Some(Yen(0)));
        assert_eq!(
            lender.account_summary(&token, now).map(|s| s.payoff_today),
            Ok(Yen(0))
        );
    }

    #[test]
    fn the_same_key_spends_once() {
        let now = seed_instant();
        let mut lender = Lender::seeded(now, 3);
        let token = sign_in(&mut lender, &demo(), now);
        let entries = ledger_entries(&mut lender, &token, now);
        let first = lender.exchange_points(&token, now, Some("k-1"), toward_repayment(500));
        assert!(first.is_ok(), "{first:?}");
        let later = now + chrono::Duration::minutes(1);
        let again = lender.exchange_points(&token, later, Some("k-1"), toward_repayment(500));
        assert_eq!(first, again, "a repeated key answers the first receipt");
        assert_eq!(balance(&mut lender, &token, later), 750);
        assert_eq!(ledger_entries(&mut lender, &token, later), entries + 1);
        assert_eq!(mails(&lender, EXCHANGE_SUBJECT).len(), 1);
        let exchanges = lender.points(&token, later).map(|s| {
            s.history
                .iter()
                .filter(|e| e.kind == PointKind::Exchange)
                .count()
        });
        assert_eq!(exchanges, Ok(1));

        // The same key for another request is refused and spends nothing.
        for other in [toward_repayment(400), goods(ExchangeItem::DigitalGift500)] {
            assert_eq!(
                lender.exchange_points(&token, later, Some("k-1"), other),
                Err(BackendError::IdempotencyConflict)
            );
        }
        assert_eq!(balance(&mut lender, &token, later), 750);
        // A new key is a new exchange.
        let goods_receipt = lender.exchange_points(
            &token,
            later,
            Some("k-2"),
            goods(ExchangeItem::DigitalGift500),
        );
        assert_eq!(goods_receipt.map(|r| r.balance_after), Ok(250));
    }

    #[test]
    fn keys_belong_to_their_member() {
        let now = seed_instant();
        let mut lender = Lender::seeded(now, 3);
        let demo_token = sign_in(&mut lender, &demo(), now);
        let card_token = sign_in(&mut lender, &card_member(), now);
        assert!(lender.join_points(&card_token, now).is_ok());
        let mine = lender.exchange_points(&demo_token, now, Some("k"), toward_repayment(100));
        let theirs = lender.exchange_points(&card_token, now, Some("k"), toward_repayment(100));
        assert_eq!(mine.map(|r| r.balance_after), Ok(1_150));
        assert_eq!(theirs.map(|r| r.balance_after), Ok(0));
    }

    #[test]
    fn history_and_keys_stay_bounded() {
        let now = seed_instant();
        let mut lender = rich(1_000_000);
        let token = sign_in(&mut lender, &demo(), now);
        let rounds = MAX_POINT_HISTORY + 20;
        for n in 0..rounds {
            let key = format!("gift-{n}");
            let gift = goods(ExchangeItem::DigitalGift500);
            assert!(lender
                .exchange_points(&token, now, Some(&key), gift)
                .is_ok());
        }
        let kept = lender
            .state()
            .accounts
            .iter()
            .find(|a| a.member_id == "m-web")
            .and_then(|a| a.points.clone())
            .unwrap_or_else(|| panic!("not joined"));
        assert_eq!(kept.history.len(), MAX_POINT_HISTORY);
        assert_eq!(kept.exchanges.len(), MAX_EXCHANGE_KEYS);
        assert_eq!(kept.balance, 1_000_000 - 500 * rounds as u32);
        let keys: Vec<_> = kept.exchanges.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys.last(), Some(&format!("gift-{}", rounds - 1).as_str()));
        let status = lender
            .points(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(status.history.len(), STATUS_HISTORY);
        let newest = status
            .history
            .first()
            .and_then(|e| e.reception_number.clone());
        assert_eq!(newest, Some(format!("P261125{rounds:05}")));
    }

    #[test]
    fn exchanges_need_the_member_service_open_only() {
        // Sunday 23:30 JST is inside internet repayment's weekly window but
        // not the member service's: points still go toward a repayment.
        let sunday = jst(2026, 11, 29, 23, 30);
        let mut lender = Lender::seeded(seed_instant(), 3);
        let token = sign_in(&mut lender, &demo(), sunday);
        let paid = lender.exchange_points(&token, sunday, Some("sun"), toward_repayment(100));
        assert!(paid.is_ok_and(|r| r.repayment.is_some()));
        // Monday 3:00 is the member service's own window.
        let monday = jst(2026, 11, 30, 3, 0);
        assert!(matches!(
            lender.exchange_points(&token, monday, Some("mon"), toward_repayment(100)),
            Err(BackendError::Maintenance { .. })
        ));
    }
}
