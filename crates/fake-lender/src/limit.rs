//! Credit-line changes (限度額の変更, SPEC S10): increase requests and their
//! review, and decreases.
//!
//! An increase is reviewed by the rules of `portal_domain::line_change`
//! (the total-volume rule, then the new line's rate cap). The lender has no
//! clock of its own, so a review moves on when the member next asks the
//! lender anything (`settle_review`, from `touch_session`): 受付 until the
//! review office opens (`review_starts_at`), 審査中 until the result time
//! (`result_expected_at`, 18:00 on a business day), then 承認 or 否決 as the
//! rules decide. Each step is dated when it happened, not when it was
//! noticed, and sends its notice e-mail. An approval raises the line and,
//! when the new line's legal cap is below the member's rate, lowers the
//! rate from the day of the result (`Ledger::change_apr`).
//!
//! The demo panel (and the reference server's test controls) can decide a
//! review at once: approve (still by the total-volume rule, which the lender
//! may not waive), refuse, or ask for documents (書類不備), after which a new
//! income proof sends the request back to review.
//!
//! A decrease takes effect at once, without a review, down to the balance
//! rounded up to 10,000 yen.

use crate::seed::{self, DemoMember};
use crate::serve::{Call, Serve};
use crate::Lender;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use portal_api::ops;
use portal_api::{
    BackendError, CreditLineStatus, EmploymentKind, LineDecrease, LineField, LineIncreaseRequest,
    LineProblem, LineRequest, LineRule, ReviewStatus, SessionToken,
};
use portal_domain::clock::{format_datetime_ja, from_jst, to_jst};
use portal_domain::line_change::{
    parse_decrease, result_expected_at, review, review_starts_at, smallest_line, validate_increase,
    Decision, Increase, IncreaseForm, MAX_LINE,
};
use portal_domain::money::Yen;
use serde::{Deserialize, Serialize};

/// How long a decided request still shows on the home page.
const NOTICE_DAYS: i64 = 14;

/// What the demo panel may decide at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DemoDecision {
    /// Decide now by the rules (the total-volume rule cannot be waived).
    Approve,
    Refuse,
    /// 書類不備: the income proof must be sent again.
    AskForDocuments,
}

/// An increase request as the lender keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredLineRequest {
    pub reception_number: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub requested_at: DateTime<Utc>,
    pub current_line: Yen,
    pub desired_line: Yen,
    pub annual_income: Yen,
    pub other_borrowing: Yen,
    pub employment: EmploymentKind,
    pub employer: String,
    pub years_employed: u32,
    pub proof_required: bool,
    /// The income proof's reception number, when one was sent.
    pub income_proof: Option<String>,
    pub status: ReviewStatus,
    /// When the review (re)started (JST), and when its result is due.
    pub review_from: NaiveDateTime,
    pub expected_at: Option<NaiveDateTime>,
    #[serde(with = "chrono::serde::ts_milliseconds_option")]
    pub decided_at: Option<DateTime<Utc>>,
    pub new_apr_percent: Option<String>,
}

impl StoredLineRequest {
    fn increase(&self) -> Increase {
        Increase {
            desired_line: self.desired_line,
            annual_income: self.annual_income,
            other_borrowing: self.other_borrowing,
            employment: self.employment,
            employer: self.employer.clone(),
            years_employed: self.years_employed,
        }
    }

    fn view(&self) -> LineRequest {
        LineRequest {
            reception_number: self.reception_number.clone(),
            requested_at: self.requested_at,
            current_line: self.current_line,
            desired_line: self.desired_line,
            status: self.status,
            expected_at: self.status.is_open().then_some(self.expected_at).flatten(),
            decided_at: self.decided_at,
            proof_required: self.proof_required,
            new_apr_percent: self.new_apr_percent.clone(),
        }
    }
}

fn refused(problems: Vec<LineProblem>) -> BackendError {
    BackendError::LineRefused { problems }
}

fn yen_ja(y: Yen) -> String {
    y.format_ja()
}

impl Lender {
    /// The member's credit line: as changed through `/limit`, else seeded.
    pub(crate) fn line_of(&self, member: &DemoMember) -> Yen {
        self.state
            .accounts
            .iter()
            .find(|a| a.member_id == member.id)
            .and_then(|a| a.line)
            .unwrap_or(Yen(member.credit_line))
    }

    /// Moves the member's open review on to `now` (see the module
    /// documentation), noting in `settled` that the state changed.
    pub(crate) fn settle_review(&mut self, member_id: &str, now: DateTime<Utc>) {
        let Some(member) = seed::member(member_id) else {
            return;
        };
        loop {
            let Ok(account) = self.account(member_id) else {
                return;
            };
            let Some(request) = account.line_request.clone() else {
                return;
            };
            let now_jst = to_jst(now);
            match request.status {
                ReviewStatus::Received => {
                    let starts = review_starts_at(request.review_from);
                    if now_jst < starts {
                        return;
                    }
                    self.set_status(member, ReviewStatus::Reviewing, from_jst(starts), None);
                }
                ReviewStatus::Reviewing => match request.expected_at {
                    Some(due) if now_jst >= due => {
                        self.decide(member, &request, from_jst(due), None);
                    }
                    _ => return,
                },
                _ => return,
            }
            self.settled = true;
        }
    }

    /// Sets the request's status at `at` and sends its notice.
    fn set_status(
        &mut self,
        member: &DemoMember,
        status: ReviewStatus,
        at: DateTime<Utc>,
        new_apr: Option<String>,
    ) {
        let Ok(account) = self.account_mut(member.id) else {
            return;
        };
        let Some(request) = account.line_request.as_mut() else {
            return;
        };
        request.status = status;
        if !status.is_open() || status == ReviewStatus::DocumentsNeeded {
            request.decided_at = Some(at);
        }
        if new_apr.is_some() {
            request.new_apr_percent = new_apr;
        }
        let request = request.clone();
        let (subject, body) = match status {
            ReviewStatus::Reviewing => (
                "限度額変更の審査開始のお知らせ",
                format!(
                    "限度額変更のお申込み（受付番号 {}）の審査を開始しました。\n審査結果のご連絡予定: {}",
                    request.reception_number,
                    request
                        .expected_at
                        .map_or_else(|| "—".to_owned(), format_datetime_ja)
                ),
            ),
            ReviewStatus::Approved => (
                "限度額変更の審査結果のお知らせ",
                format!(
                    "限度額変更のお申込み（受付番号 {}）は承認されました。\n新しいご利用限度額: {}{}",
                    request.reception_number,
                    yen_ja(request.desired_line),
                    request
                        .new_apr_percent
                        .as_ref()
                        .map(|a| format!("\n新しい実質年率: {a}%（限度額に応じた上限金利の適用）"))
                        .unwrap_or_default()
                ),
            ),
            ReviewStatus::Refused => (
                "限度額変更の審査結果のお知らせ",
                format!(
                    "限度額変更のお申込み（受付番号 {}）は、審査の結果、今回はご希望に添えませんでした。\nご利用限度額は {} のままです。",
                    request.reception_number,
                    yen_ja(request.current_line)
                ),
            ),
            ReviewStatus::DocumentsNeeded => (
                "限度額変更の書類不備のお知らせ",
                format!(
                    "限度額変更のお申込み（受付番号 {}）の審査に必要な収入証明書を確認できませんでした。\n会員ページの「書類提出」から、収入証明書をあらためてご提出ください。",
                    request.reception_number
                ),
            ),
            ReviewStatus::Received => return,
        };
        self.send_mail(member, at, subject, body);
    }

    /// Decides `request` at `at`: by the rules, or as the demo panel says.
    fn decide(
        &mut self,
        member: &DemoMember,
        request: &StoredLineRequest,
        at: DateTime<Utc>,
        forced: Option<DemoDecision>,
    ) {
        let Ok(account) = self.account(member.id) else {
            return;
        };
        let apr = account.ledger.apr;
        let approved = match forced {
            Some(DemoDecision::Refuse) => None,
            _ => match review(&request.increase(), apr) {
                Decision::Approved { line, apr } => Some((line, apr)),
                Decision::Refused(_) => None,
            },
        };
        match approved {
            Some((line, new_apr)) => {
                let lowered = (new_apr < apr).then(|| new_apr.to_string());
                if let Ok(account) = self.account_mut(member.id) {
                    account.line = Some(line);
                    account.ledger.change_apr(new_apr, to_jst(at).date());
                }
                self.set_status(member, ReviewStatus::Approved, at, lowered);
            }
            None => self.set_status(member, ReviewStatus::Refused, at, None),
        }
    }

    /// The line, balance, rate and latest request (SPEC S10).
    pub fn credit_line(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<CreditLineStatus, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        self.line_status(member)
    }

    fn line_status(&self, member: &DemoMember) -> Result<CreditLineStatus, BackendError> {
        let account = self.account(member.id)?;
        let balance = account.ledger.balance();
        Ok(CreditLineStatus {
            line: self.line_of(member),
            balance,
            apr_percent: account.ledger.apr.to_string(),
            smallest_line: smallest_line(balance),
            max_line: Yen(MAX_LINE),
            request: account.line_request.as_ref().map(StoredLineRequest::view),
        })
    }

    /// What the home page's notice shows: an open request, or one decided
    /// in the last [`NOTICE_DAYS`] days.
    pub(crate) fn line_review_notice(
        &self,
        member_id: &str,
        now: DateTime<Utc>,
    ) -> Option<ReviewStatus> {
        let request = self.account(member_id).ok()?.line_request.as_ref()?;
        let recent = request
            .decided_at
            .is_none_or(|at| now - at < Duration::days(NOTICE_DAYS));
        (request.status.is_open() || recent).then_some(request.status)
    }

    /// Receives an increase request (SPEC S10). Every field is checked
    /// again; when S10 asks for an income proof, the request must name one
    /// the member has sent (`/documents`); one request at a time.
    pub fn request_line_increase(
        &mut self,
        token: &SessionToken,
        request: &LineIncreaseRequest,
        now: DateTime<Utc>,
    ) -> Result<LineRequest, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let account = self.account(member.id)?;
        if account
            .line_request
            .as_ref()
            .is_some_and(|r| r.status.is_open())
        {
            return Err(refused(vec![LineProblem::new(
                LineField::DesiredLine,
                LineRule::PendingRequest,
            )]));
        }
        let current = self.line_of(member);
        let increase = validate_increase(
            &IncreaseForm {
                desired_line: &request.desired_line,
                annual_income: &request.annual_income,
                other_borrowing: &request.other_borrowing,
                employment: request.employment,
                employer: &request.employer,
                years_employed: &request.years_employed,
            },
            current,
        )
        .map_err(refused)?;
        let proof_required = increase.proof_required();
        let income_proof = match (proof_required, request.income_proof.as_deref()) {
            (true, Some(reception)) if self.has_income_proof(member.id, reception) => {
                Some(reception.to_owned())
            }
            (true, _) => {
                return Err(refused(vec![LineProblem::new(
                    LineField::IncomeProof,
                    LineRule::Required,
                )]))
            }
            (false, _) => None,
        };
        let reception_number = self.next_reception_number('L', now);
        let received = to_jst(now);
        let stored = StoredLineRequest {
            reception_number: reception_number.clone(),
            requested_at: now,
            current_line: current,
            desired_line: increase.desired_line,
            annual_income: increase.annual_income,
            other_borrowing: increase.other_borrowing,
            employment: increase.employment,
            employer: increase.employer.clone(),
            years_employed: increase.years_employed,
            proof_required,
            income_proof,
            status: ReviewStatus::Received,
            review_from: received,
            expected_at: Some(result_expected_at(received)),
            decided_at: None,
            new_apr_percent: None,
        };
        let view = stored.view();
        self.account_mut(member.id)?.line_request = Some(stored);
        self.send_mail(
            member,
            now,
            "限度額変更のお申込み受付のお知らせ",
            format!(
                "限度額変更のお申込みを受け付けました。\n受付番号: {reception_number}\n現在のご利用限度額: {}\nご希望の限度額: {}\n審査結果のご連絡予定: {}\n※審査結果は土日祝日・年末年始を除く営業日にお知らせします。",
                yen_ja(current),
                yen_ja(increase.desired_line),
                view.expected_at
                    .map_or_else(|| "—".to_owned(), format_datetime_ja)
            ),
        );
        // A request made during review hours is under review at once.
        self.settle_review(member.id, now);
        self.settled = false;
        Ok(self
            .account(member.id)?
            .line_request
            .as_ref()
            .map_or(view, StoredLineRequest::view))
    }

    /// Whether the member has sent an income proof with this reception
    /// number (SPEC S11, `crate::documents`).
    fn has_income_proof(&self, member_id: &str, reception: &str) -> bool {
        self.account(member_id).is_ok_and(|a| {
            a.documents.iter().any(|d| {
                d.reception_number == reception && d.kind == portal_api::DocumentKind::IncomeProof
            })
        })
    }

    /// Lowers the line at once (SPEC S10), down to the balance rounded up
    /// to 10,000 yen; a notice says raising it again needs a review.
    pub fn decrease_line(
        &mut self,
        token: &SessionToken,
        request: &LineDecrease,
        now: DateTime<Utc>,
    ) -> Result<CreditLineStatus, BackendError> {
        let member_id = self.touch_session(token, now)?;
        let member = seed::member(&member_id).ok_or(BackendError::NotSignedIn)?;
        let current = self.line_of(member);
        let balance = self.account(member.id)?.ledger.balance();
        let line = parse_decrease(&request.line, current, balance).map_err(|p| refused(vec![p]))?;
        self.account_mut(member.id)?.line = Some(line);
        self.send_mail(
            member,
            now,
            "ご利用限度額変更（減額）のお知らせ",
            format!(
                "ご利用限度額を変更しました。\n変更前: {}\n変更後: {}\n※限度額を再び増やすには、あらためて審査が必要です。",
                yen_ja(current),
                yen_ja(line)
            ),
        );
        self.line_status(member)
    }

    /// The demo panel's (and the test controls') decision on every open
    /// review, at once. Returns how many were decided.
    pub fn decide_reviews(&mut self, decision: DemoDecision, now: DateTime<Utc>) -> usize {
        let open: Vec<(String, StoredLineRequest)> = self
            .state
            .accounts
            .iter()
            .filter_map(|a| {
                a.line_request
                    .as_ref()
                    .filter(|r| r.status.is_open())
                    .map(|r| (a.member_id.clone(), r.clone()))
            })
            .collect();
        for (member_id, request) in &open {
            let Some(member) = seed::member(member_id) else {
                continue;
            };
            match decision {
                DemoDecision::AskForDocuments => {
                    self.set_status(member, ReviewStatus::DocumentsNeeded, now, None);
                    if let Ok(account) = self.account_mut(member_id) {
                        if let Some(r) = account.line_request.as_mut() {
                            r.expected_at = None;
                        }
                    }
                }
                forced => self.decide(member, request, now, Some(forced)),
            }
        }
        open.len()
    }

    /// A new income proof sent while the review waits for documents sends
    /// the request back to review, with a new result time.
    pub(crate) fn income_proof_received(
        &mut self,
        member_id: &str,
        reception: &str,
        now: DateTime<Utc>,
    ) {
        let Some(member) = seed::member(member_id) else {
            return;
        };
        let Ok(account) = self.account_mut(member_id) else {
            return;
        };
        let Some(request) = account.line_request.as_mut() else {
            return;
        };
        if request.status != ReviewStatus::DocumentsNeeded {
            return;
        }
        let received = to_jst(now);
        request.income_proof = Some(reception.to_owned());
        request.review_from = received;
        request.expected_at = Some(result_expected_at(received));
        request.decided_at = None;
        request.status = ReviewStatus::Received;
        self.settle_review(member.id, now);
    }
}

impl Serve<ops::GetCreditLine> for Lender {
    fn serve(&mut self, call: &mut Call<'_>, (): ()) -> Result<CreditLineStatus, BackendError> {
        self.credit_line(call.token()?, call.now)
    }
}

impl Serve<ops::RequestLineIncrease> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: LineIncreaseRequest,
    ) -> Result<LineRequest, BackendError> {
        self.request_line_increase(call.token()?, &request, call.now)
    }
}

impl Serve<ops::DecreaseLine> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: LineDecrease,
    ) -> Result<CreditLineStatus, BackendError> {
        self.decrease_line(call.token()?, &request, call.now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::fresh_token;
    use chrono::TimeZone;
    use portal_api::SignInRequest;

    /// A JST instant.
    fn jst(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .unwrap_or_default()
            - Duration::hours(9)
    }

    fn signed_in(request: SignInRequest, now: DateTime<Utc>) -> (Lender, SessionToken) {
        let mut lender = Lender::seeded(now, 7);
        let token = fresh_token();
        lender
            .sign_in(&request, now, token.clone())
            .unwrap_or_else(|e| panic!("{request:?}: {e:?}"));
        (lender, token)
    }

    fn card(number: &str, pin: &str) -> SignInRequest {
        SignInRequest::Card {
            card_number: number.into(),
            pin: pin.into(),
        }
    }

    fn ask(desired: &str, income: &str, other: &str, proof: Option<&str>) -> LineIncreaseRequest {
        LineIncreaseRequest {
            desired_line: desired.into(),
            annual_income: income.into(),
            other_borrowing: other.into(),
            employment: Some(EmploymentKind::Regular),
            employer: "株式会社見本商事".into(),
            years_employed: "5".into(),
            income_proof: proof.map(str::to_owned),
        }
    }

    /// A new session at `at` (the first one has long gone idle).
    fn later(lender: &mut Lender, request: &SignInRequest, at: DateTime<Utc>) -> SessionToken {
        let token = fresh_token();
        lender
            .sign_in(request, at, token.clone())
            .unwrap_or_else(|e| panic!("{request:?}: {e:?}"));
        token
    }

    fn status(lender: &mut Lender, request: &SignInRequest, at: DateTime<Utc>) -> CreditLineStatus {
        let token = later(lender, request, at);
        lender
            .credit_line(&token, at)
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn summary(
        lender: &mut Lender,
        request: &SignInRequest,
        at: DateTime<Utc>,
    ) -> portal_api::AccountSummary {
        let token = later(lender, request, at);
        lender
            .account_summary(&token, at)
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// An income proof sent through the documents service; its reception.
    fn proof(lender: &mut Lender, token: &SessionToken, at: DateTime<Utc>, key: &str) -> String {
        lender
            .submit_documents(
                token,
                at,
                Some(key),
                portal_api::DocumentUpload {
                    kind: portal_api::DocumentKind::IncomeProof,
                    pages: vec![b"%PDF-1.4\n%%EOF\n".to_vec()],
                },
            )
            .map(|d| d.reception_number)
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn subjects(lender: &Lender) -> Vec<String> {
        lender.mailbox().into_iter().map(|m| m.subject).collect()
    }

    #[test]
    fn an_increase_without_proof_is_reviewed_the_same_business_day() {
        // Wednesday 2026-11-25 10:00 JST.
        let asked = jst(2026, 11, 25, 10);
        let who = card("1234567890123456", "4321");
        let (mut lender, token) = signed_in(who.clone(), asked);
        let got = lender
            .request_line_increase(&token, &ask("500,000", "3000000", "0", None), asked)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(got.reception_number.starts_with("L261125"));
        assert_eq!(got.status, ReviewStatus::Reviewing, "review hours: at once");
        assert!(!got.proof_required);
        let six = NaiveDateTime::parse_from_str("2026-11-25 18:00", "%Y-%m-%d %H:%M").ok();
        assert_eq!(got.expected_at, six);
        // One request at a time.
        let again =
            lender.request_line_increase(&token, &ask("600000", "3000000", "0", None), asked);
        assert_eq!(
            again,
            Err(refused(vec![LineProblem::new(
                LineField::DesiredLine,
                LineRule::PendingRequest
            )]))
        );
        assert_eq!(
            status(&mut lender, &who, jst(2026, 11, 25, 17)).line,
            Yen(300_000)
        );
        let after = status(&mut lender, &who, jst(2026, 11, 25, 19));
        assert_eq!(after.line, Yen(500_000));
        let request = after.request.unwrap_or_else(|| panic!("no request"));
        assert_eq!(request.status, ReviewStatus::Approved);
        assert_eq!(request.decided_at, Some(jst(2026, 11, 25, 18)));
        assert_eq!(request.new_apr_percent, None);
        assert_eq!(
            subjects(&lender),
            [
                "限度額変更のお申込み受付のお知らせ",
                "限度額変更の審査開始のお知らせ",
                "限度額変更の審査結果のお知らせ"
            ]
        );
        let summary = summary(&mut lender, &who, jst(2026, 11, 25, 19));
        assert_eq!(summary.credit_line, Yen(500_000));
        assert_eq!(summary.available, Yen(500_000));
        assert_eq!(summary.line_review, Some(ReviewStatus::Approved));
    }

    #[test]
    fn a_friday_evening_request_waits_for_monday() {
        let asked = jst(2026, 11, 27, 20);
        let who = card("1234567890123456", "4321");
        let (mut lender, token) = signed_in(who.clone(), asked);
        let got = lender
            .request_line_increase(&token, &ask("400000", "3000000", "0", None), asked)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(got.status, ReviewStatus::Received);
        let saturday = status(&mut lender, &who, jst(2026, 11, 28, 12));
        assert_eq!(
            saturday.request.map(|r| r.status),
            Some(ReviewStatus::Received)
        );
        let monday_morning = status(&mut lender, &who, jst(2026, 11, 30, 10));
        assert_eq!(
            monday_morning.request.map(|r| (r.status, r.expected_at)),
            Some((
                ReviewStatus::Reviewing,
                NaiveDateTime::parse_from_str("2026-11-30 18:00", "%Y-%m-%d %H:%M").ok()
            ))
        );
        // The review began at 9:00, and the notice says so.
        let started = lender
            .mailbox()
            .into_iter()
            .find(|m| m.subject.contains("審査開始"))
            .map(|m| m.at);
        assert_eq!(started, Some(jst(2026, 11, 30, 9)));
    }

    #[test]
    fn an_approval_that_crosses_a_million_lowers_the_rate_from_that_day() {
        let asked = jst(2026, 11, 25, 10);
        let who = card("1234567890", "1234");
        let (mut lender, token) = signed_in(who.clone(), asked);
        // 500,000 at 17.8%: a million needs an income proof (S10).
        let without =
            lender.request_line_increase(&token, &ask("1,000,000", "3,600,000", "0", None), asked);
        assert_eq!(
            without,
            Err(refused(vec![LineProblem::new(
                LineField::IncomeProof,
                LineRule::Required
            )]))
        );
        let sent = proof(&mut lender, &token, asked, "proof-1");
        let got = lender
            .request_line_increase(
                &token,
                &ask("1,000,000", "3,600,000", "0", Some(&sent)),
                asked,
            )
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(got.proof_required);
        let before = summary(&mut lender, &who, jst(2026, 11, 25, 17));
        assert_eq!(before.apr_percent, "17.8");
        let after = summary(&mut lender, &who, jst(2026, 11, 26, 12));
        assert_eq!(after.apr_percent, "15");
        assert_eq!(after.credit_line, Yen(1_000_000));
        let line = status(&mut lender, &who, jst(2026, 11, 26, 12));
        assert_eq!(
            line.request.and_then(|r| r.new_apr_percent).as_deref(),
            Some("15")
        );
        let mail = lender
            .mailbox()
            .into_iter()
            .rfind(|m| m.subject.contains("審査結果"))
            .map(|m| m.body)
            .unwrap_or_default();
        assert!(mail.contains("新しい実質年率: 15%"), "{mail}");
    }

    #[test]
    fn the_total_volume_rule_refuses_and_the_line_stays() {
        let asked = jst(2026, 11, 25, 10);
        let who = card("1234567890123456", "4321");
        let (mut lender, token) = signed_in(who.clone(), asked);
        // 1,200,000 a year allows 400,000 across all lenders; 100,000 elsewhere.
        lender
            .request_line_increase(&token, &ask("400000", "1200000", "100000", None), asked)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let after = status(&mut lender, &who, jst(2026, 11, 25, 18));
        assert_eq!(after.line, Yen(300_000));
        assert_eq!(after.request.map(|r| r.status), Some(ReviewStatus::Refused));
    }

    #[test]
    fn the_demo_asks_for_documents_and_a_new_proof_resumes_the_review() {
        let asked = jst(2026, 11, 25, 10);
        let who = card("1234567890", "1234");
        let (mut lender, token) = signed_in(who.clone(), asked);
        let sent = proof(&mut lender, &token, asked, "proof-1");
        lender
            .request_line_increase(&token, &ask("800000", "3000000", "0", Some(&sent)), asked)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            lender.decide_reviews(DemoDecision::AskForDocuments, asked),
            1
        );
        let waiting = status(&mut lender, &who, jst(2026, 11, 26, 19));
        let request = waiting.request.unwrap_or_else(|| panic!("no request"));
        assert_eq!(request.status, ReviewStatus::DocumentsNeeded);
        assert_eq!(request.expected_at, None, "no result while waiting");
        assert_eq!(waiting.line, Yen(500_000));
        let again = later(&mut lender, &who, jst(2026, 11, 27, 10));
        proof(&mut lender, &again, jst(2026, 11, 27, 10), "proof-2");
        let back = status(&mut lender, &who, jst(2026, 11, 27, 11));
        assert_eq!(
            back.request.map(|r| r.status),
            Some(ReviewStatus::Reviewing)
        );
        assert_eq!(
            lender.decide_reviews(DemoDecision::Approve, jst(2026, 11, 27, 12)),
            1
        );
        assert_eq!(
            status(&mut lender, &who, jst(2026, 11, 27, 12)).line,
            Yen(800_000)
        );
        assert_eq!(
            lender.decide_reviews(DemoDecision::Refuse, jst(2026, 11, 27, 12)),
            0
        );
    }

    #[test]
    fn a_decrease_applies_at_once_and_never_below_the_balance() {
        let now = jst(2026, 11, 25, 10);
        let (mut lender, token) = signed_in(card("1234567890", "1234"), now);
        let below = lender.decrease_line(
            &token,
            &LineDecrease {
                line: "100000".into(),
            },
            now,
        );
        assert_eq!(
            below,
            Err(refused(vec![LineProblem::with(
                LineField::NewLine,
                LineRule::BelowBalance,
                Yen(150_000)
            )]))
        );
        let done = lender
            .decrease_line(
                &token,
                &LineDecrease {
                    line: "２００，０００".into(),
                },
                now,
            )
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(done.line, Yen(200_000));
        // Not lower than itself: a retry cannot lower it twice.
        let again = lender.decrease_line(
            &token,
            &LineDecrease {
                line: "200000".into(),
            },
            now,
        );
        assert!(again.is_err());
        let summary = lender
            .account_summary(&token, now)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (summary.credit_line, summary.available),
            (Yen(200_000), Yen(50_000))
        );
        assert_eq!(subjects(&lender), ["ご利用限度額変更（減額）のお知らせ"]);
    }
}
