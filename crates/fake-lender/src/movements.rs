//! Money that moves (SPEC S8, S9): the payee account, transfers (振込融資),
//! internet repayments through the member's bank, what each
//! `Idempotency-Key` booked, and the notice e-mails they send.
//!
//! Never twice: a transfer or a repayment is booked under the key the portal
//! chose for that confirmed request. The same key with the same request
//! answers the first result and books nothing; the same key with another
//! request is refused (`IdempotencyConflict`). Keys belong to a member, so
//! one member's key never reveals or blocks another's movement.

use crate::{seed, Lender};
use chrono::{DateTime, Utc};
use portal_api::{
    AccountKind, BackendError, BankDecision, BankDecisionRequest, Channel, Movement,
    MovementLookup, PayeeAccount, PayeeAccountInput, PayeeAccountStatus, PayeeError, PayeeField,
    PayeeProblem, Repayment, RepaymentRequest, RepaymentSplit, RepaymentState, SessionToken,
    TransferQuote, TransferReceipt, TransferRequest,
};
use portal_domain::clock::{format_date_ja, format_datetime_ja, to_jst};
use portal_domain::kana::{holder_matches, normalize_holder_name};
use portal_domain::maintenance::{window_at, Service};
use portal_domain::money::Yen;
use portal_domain::movement::{
    arrival, check_repayment, check_transfer, mask_account_number, parse_digits, Arrival,
};
use serde::{Deserialize, Serialize};

/// The longest bank or branch name the lender keeps (the names are labels
/// the portal takes from its bank data).
const MAX_NAME_CHARS: usize = 40;

/// The longest `Idempotency-Key` accepted; the portal sends 32 hex digits.
const MAX_KEY_LEN: usize = 64;

/// A payee account as the lender keeps it, number in full.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredPayee {
    pub bank_code: String,
    pub bank_name: String,
    pub branch_code: String,
    pub branch_name: String,
    pub kind: AccountKind,
    pub number: String,
    pub holder: String,
}

impl StoredPayee {
    /// The account as members see it: the number masked to its last 4 digits.
    pub fn view(&self) -> PayeeAccount {
        PayeeAccount {
            bank_code: self.bank_code.clone(),
            bank_name: self.bank_name.clone(),
            branch_code: self.branch_code.clone(),
            branch_name: self.branch_name.clone(),
            kind: self.kind,
            number_masked: mask_account_number(&self.number),
            holder: self.holder.clone(),
            settles_24x7: portal_domain::movement::settles_24x7(&self.bank_code),
        }
    }
}

/// What a key booked. A repayment is found by its id, so a lookup answers
/// the repayment as it stands now (at the bank, completed, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Booked {
    Transfer { receipt: TransferReceipt },
    Repayment { id: String },
}

/// One use of an `Idempotency-Key`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementRecord {
    pub member_id: String,
    pub key: String,
    /// The request's JSON, to tell a retry from a different request.
    pub request: String,
    pub booked: Booked,
}

/// One internet repayment and whose it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepaymentRecord {
    pub member_id: String,
    pub repayment: Repayment,
}

/// A notice e-mail (SPEC S19: every money movement sends one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mail {
    pub to: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    pub subject: String,
    pub body: String,
}

/// An e-mail to a member, with the lender's greeting and footer.
pub(crate) fn notice(
    to: &str,
    member: &seed::DemoMember,
    now: DateTime<Utc>,
    subject: &str,
    body: String,
) -> Mail {
    Mail {
        to: to.to_owned(),
        at: now,
        subject: subject.to_owned(),
        body: format!(
            "{} 様\n\n{body}\n\nお心当たりのない場合は、会員サービスのお問い合わせ窓口までご連絡ください。\n（このメールは送信専用です）",
            member.name
        ),
    }
}

fn field_problem(field: PayeeField, error: PayeeError) -> PayeeProblem {
    PayeeProblem { field, error }
}

/// A bank or branch name as a label: trimmed, not empty, not too long.
fn label(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= MAX_NAME_CHARS && !name.contains(['<', '>']))
        .then(|| name.to_owned())
}

/// Checks the form against the member's kana name and gives the account to
/// keep, or every problem at once.
fn validate_payee(
    input: &PayeeAccountInput,
    member_kana: &str,
) -> Result<StoredPayee, Vec<PayeeProblem>> {
    let mut problems = Vec::new();
    let bank_code = parse_digits(&input.bank_code, 4)
        .map_err(|e| problems.push(field_problem(PayeeField::Bank, e.into())))
        .ok();
    let bank_name = label(&input.bank_name);
    if bank_code.is_some() && bank_name.is_none() {
        problems.push(field_problem(PayeeField::Bank, PayeeError::Required));
    }
    let branch_code = parse_digits(&input.branch_code, 3)
        .map_err(|e| problems.push(field_problem(PayeeField::Branch, e.into())))
        .ok();
    let branch_name = label(&input.branch_name);
    if branch_code.is_some() && branch_name.is_none() {
        problems.push(field_problem(PayeeField::Branch, PayeeError::Required));
    }
    let number = portal_domain::movement::parse_account_number(&input.number)
        .map_err(|e| problems.push(field_problem(PayeeField::Number, e.into())))
        .ok();
    let holder = match normalize_holder_name(&input.holder) {
        Ok(holder) if holder_matches(&holder, member_kana) => Some(holder),
        Ok(_) => {
            problems.push(field_problem(PayeeField::Holder, PayeeError::NotMemberName));
            None
        }
        Err(e) => {
            use portal_domain::kana::KanaNameError as K;
            let error = match e {
                K::Empty => PayeeError::Required,
                K::NotKana { .. } => PayeeError::NotKana,
                K::TooLong => PayeeError::TooLong,
            };
            problems.push(field_problem(PayeeField::Holder, error));
            None
        }
    };
    match (
        bank_code,
        bank_name,
        branch_code,
        branch_name,
        number,
        holder,
    ) {
        (
            Some(bank_code),
            Some(bank_name),
            Some(branch_code),
            Some(branch_name),
            Some(number),
            Some(holder),
        ) if problems.is_empty() => Ok(StoredPayee {
            bank_code,
            bank_name,
            branch_code,
            branch_name,
            kind: input.kind,
            number,
            holder,
        }),
        _ => Err(problems),
    }
}

/// An `Idempotency-Key` as the lender accepts it: 1 to 64 letters, digits,
/// `-` or `_`; anything else (or none) is `InvalidInput`.
pub(crate) fn check_key(key: Option<&str>) -> Result<&str, BackendError> {
    key.filter(|k| {
        !k.is_empty()
            && k.len() <= MAX_KEY_LEN
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
    .ok_or(BackendError::InvalidInput {
        problems: Vec::new(),
    })
}

fn arrival_ja(a: Arrival) -> String {
    match a {
        Arrival::WithinSeconds => "即時（数秒程度）".to_owned(),
        Arrival::BusinessDayMorning { date } => format!("{} 9:00頃", format_date_ja(date)),
    }
}

impl Lender {
    /// The signed-in member behind `token`, touched.
    pub(crate) fn member_for(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<&'static seed::DemoMember, BackendError> {
        let id = self.touch_session(token, now)?;
        seed::member(&id).ok_or(BackendError::NotSignedIn)
    }

    /// The first use of `key` by this member, if any: its booking when the
    /// request is the same, `IdempotencyConflict` when it is not.
    fn replay(
        &self,
        member_id: &str,
        key: &str,
        request: &str,
    ) -> Result<Option<Booked>, BackendError> {
        match self
            .state
            .movements
            .iter()
            .find(|r| r.member_id == member_id && r.key == key)
        {
            Some(r) if r.request == request => Ok(Some(r.booked.clone())),
            Some(_) => Err(BackendError::IdempotencyConflict),
            None => Ok(None),
        }
    }

    /// The next reception number: `prefix` + JST `YYMMDD` + 5 digits of
    /// the one counter every kind of reception shares.
    pub(crate) fn next_reception_number(&mut self, prefix: char, now: DateTime<Utc>) -> String {
        self.state.reception_counter = self.state.reception_counter.wrapping_add(1);
        let n = self.state.reception_counter % 100_000;
        format!("{prefix}{}{n:05}", to_jst(now).format("%y%m%d"))
    }

    pub(crate) fn send_mail(
        &mut self,
        member: &seed::DemoMember,
        now: DateTime<Utc>,
        subject: &str,
        body: String,
    ) {
        // Notices go to the address registered now (SPEC S12 may change it).
        if let Some(to) = self.email_of(member) {
            self.state
                .mailbox
                .push(notice(&to, member, now, subject, body));
        }
    }

    /// Every e-mail sent so far, oldest first: the notices (persisted) and
    /// the confirmation codes (kept in memory only, `crate::recovery`).
    pub fn mailbox(&self) -> Vec<Mail> {
        let mut all: Vec<Mail> = self
            .state
            .mailbox
            .iter()
            .chain(self.recovery.mail())
            .cloned()
            .collect();
        all.sort_by_key(|m| m.at);
        all
    }

    /// The member's payee account, if registered.
    pub fn payee_account(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<PayeeAccountStatus, BackendError> {
        let member = self.member_for(token, now)?;
        let account = self
            .account(member.id)?
            .payee
            .as_ref()
            .map(StoredPayee::view);
        Ok(PayeeAccountStatus {
            account,
            member_kana: member.kana.to_owned(),
        })
    }

    /// Registers or replaces the payee account; the holder must be the
    /// member (SPEC S8). The same account again changes nothing.
    pub fn register_payee_account(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        input: &PayeeAccountInput,
    ) -> Result<PayeeAccount, BackendError> {
        let member = self.member_for(token, now)?;
        let payee = validate_payee(input, member.kana)
            .map_err(|problems| BackendError::PayeeRefused { problems })?;
        let account = self.account_mut(member.id)?;
        if account.payee.as_ref() == Some(&payee) {
            return Ok(payee.view());
        }
        account.payee = Some(payee.clone());
        let view = payee.view();
        self.send_mail(
            member,
            now,
            "振込先口座登録のお知らせ",
            format!(
                "振込先口座を登録しました。\n金融機関: {} {}\n口座: {} {}\n名義: {}",
                view.bank_name,
                view.branch_name,
                kind_ja(view.kind),
                view.number_masked,
                view.holder
            ),
        );
        Ok(view)
    }

    /// What a transfer would do, without booking it.
    pub fn quote_transfer(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        request: TransferRequest,
    ) -> Result<TransferQuote, BackendError> {
        let member = self.member_for(token, now)?;
        self.quote_for(member, now, request)
    }

    fn quote_for(
        &self,
        member: &seed::DemoMember,
        now: DateTime<Utc>,
        request: TransferRequest,
    ) -> Result<TransferQuote, BackendError> {
        let account = self.account(member.id)?;
        let payee = account
            .payee
            .as_ref()
            .ok_or(BackendError::NoPayeeAccount)?
            .view();
        let balance = account.ledger.balance();
        let available = Yen((self.line_of(member).0 - balance.0).max(0));
        let amount = check_transfer(request.amount, available)
            .map_err(|reason| BackendError::AmountRefused { reason })?;
        Ok(TransferQuote {
            amount,
            arrival: arrival(now, payee.settles_24x7),
            payee,
            balance_after: Yen(balance.0 + amount.0),
            available_after: Yen(available.0 - amount.0),
        })
    }

    /// Books a transfer (SPEC S8) under the member's `key`: once, whatever
    /// how often the same request arrives.
    pub fn transfer(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        key: Option<&str>,
        request: TransferRequest,
    ) -> Result<TransferReceipt, BackendError> {
        let member = self.member_for(token, now)?;
        let key = check_key(key)?;
        let wire = serde_json::to_string(&request).map_err(|_| BackendError::Server)?;
        match self.replay(member.id, key, &wire)? {
            Some(Booked::Transfer { receipt }) => return Ok(receipt),
            Some(Booked::Repayment { .. }) => return Err(BackendError::IdempotencyConflict),
            None => {}
        }
        let quote = self.quote_for(member, now, request)?;
        let reception_number = self.next_reception_number('T', now);
        let entry = self
            .account_mut(member.id)?
            .ledger
            .apply_borrowing(quote.amount, Channel::Transfer, now)
            .map_err(|_| BackendError::Server)?;
        let receipt = TransferReceipt {
            reception_number,
            amount: quote.amount,
            payee: quote.payee,
            arrival: quote.arrival,
            accepted_at: now,
            balance_after: entry.balance_after,
            available_after: quote.available_after,
        };
        self.state.movements.push(MovementRecord {
            member_id: member.id.to_owned(),
            key: key.to_owned(),
            request: wire,
            booked: Booked::Transfer {
                receipt: receipt.clone(),
            },
        });
        self.send_mail(
            member,
            now,
            "お振込受付のお知らせ",
            format!(
                "インターネット振込を受け付けました。\n受付番号: {}\n受付日時: {}\n振込金額: {}\n振込先: {} {} {} {}\n着金予定: {}",
                receipt.reception_number,
                format_datetime_ja(to_jst(now)),
                receipt.amount.format_ja(),
                receipt.payee.bank_name,
                receipt.payee.branch_name,
                kind_ja(receipt.payee.kind),
                receipt.payee.number_masked,
                arrival_ja(receipt.arrival)
            ),
        );
        Ok(receipt)
    }

    /// Refuses internet repayment inside its S3 windows (and the member
    /// service's, which `touch_session` already refuses).
    fn ensure_repayment_open(&self, now: DateTime<Utc>) -> Result<(), BackendError> {
        match window_at(Service::InternetRepayment, to_jst(now)) {
            Some(w) => Err(BackendError::Maintenance { until: w.end }),
            None => Ok(()),
        }
    }

    /// Starts an internet repayment (SPEC S9): the member approves it at
    /// their bank, whose page the reply names.
    pub fn start_repayment(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        key: Option<&str>,
        request: RepaymentRequest,
    ) -> Result<Repayment, BackendError> {
        let member = self.member_for(token, now)?;
        self.ensure_repayment_open(now)?;
        let key = check_key(key)?;
        let wire = serde_json::to_string(&request).map_err(|_| BackendError::Server)?;
        match self.replay(member.id, key, &wire)? {
            Some(Booked::Repayment { id }) => return self.repayment_of(member.id, &id),
            Some(Booked::Transfer { .. }) => return Err(BackendError::IdempotencyConflict),
            None => {}
        }
        let bank_code =
            parse_digits(&request.bank_code, 4).map_err(|e| BackendError::PayeeRefused {
                problems: vec![field_problem(PayeeField::Bank, e.into())],
            })?;
        let bank_name = label(&request.bank_name).ok_or(BackendError::PayeeRefused {
            problems: vec![field_problem(PayeeField::Bank, PayeeError::Required)],
        })?;
        let payoff = self.account(member.id)?.ledger.payoff(to_jst(now).date());
        let amount = check_repayment(request.amount, payoff)
            .map_err(|reason| BackendError::AmountRefused { reason })?;
        let reception_number = self.next_reception_number('R', now);
        let id = reception_number.to_lowercase();
        let repayment = Repayment {
            bank_url: format!("/repay?bank={id}"),
            id: id.clone(),
            reception_number,
            amount,
            bank_code,
            bank_name,
            state: RepaymentState::AtBank,
            started_at: now,
            split: None,
        };
        self.state.repayments.push(RepaymentRecord {
            member_id: member.id.to_owned(),
            repayment: repayment.clone(),
        });
        self.state.movements.push(MovementRecord {
            member_id: member.id.to_owned(),
            key: key.to_owned(),
            request: wire,
            booked: Booked::Repayment { id },
        });
        Ok(repayment)
    }

    fn repayment_of(&self, member_id: &str, id: &str) -> Result<Repayment, BackendError> {
        self.state
            .repayments
            .iter()
            .find(|r| r.member_id == member_id && r.repayment.id == id)
            .map(|r| r.repayment.clone())
            .ok_or(BackendError::NotFound)
    }

    /// One of the member's repayments.
    pub fn repayment(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        id: &str,
    ) -> Result<Repayment, BackendError> {
        let member = self.member_for(token, now)?;
        self.repayment_of(member.id, id)
    }

    /// The bank's answer. Approval books the repayment (late charge, then
    /// interest, then principal) at that instant; only the first decision
    /// counts. An approval the ledger cannot book (more than the payoff by
    /// then, or a repayment window opened meanwhile) fails the repayment,
    /// and no money moves.
    pub fn decide_repayment(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        request: &BankDecisionRequest,
    ) -> Result<Repayment, BackendError> {
        let member = self.member_for(token, now)?;
        let current = self.repayment_of(member.id, &request.id)?;
        if current.state != RepaymentState::AtBank {
            return Ok(current);
        }
        let mut decided = current;
        match request.decision {
            BankDecision::Cancel => decided.state = RepaymentState::Cancelled,
            BankDecision::Fail => decided.state = RepaymentState::Failed,
            BankDecision::Approve => {
                let booked = match self.ensure_repayment_open(now) {
                    Ok(()) => self
                        .account_mut(member.id)?
                        .ledger
                        .apply_repayment(decided.amount, Channel::InternetRepayment, now)
                        .ok(),
                    Err(_) => None,
                };
                match booked {
                    Some(entry) => {
                        decided.state = RepaymentState::Completed;
                        decided.split = Some(RepaymentSplit {
                            late_charge: entry.late_charge,
                            interest: entry.interest,
                            principal: entry.principal,
                            balance_after: entry.balance_after,
                        });
                    }
                    None => decided.state = RepaymentState::Failed,
                }
            }
        }
        if let Some(record) = self
            .state
            .repayments
            .iter_mut()
            .find(|r| r.member_id == member.id && r.repayment.id == decided.id)
        {
            record.repayment = decided.clone();
        }
        if let Some(split) = decided.split {
            self.send_mail(
                member,
                now,
                "ご返済受付のお知らせ",
                format!(
                    "インターネット返済を受け付けました。\n受付番号: {}\n受付日時: {}\n返済金額: {}\n内訳: 遅延損害金 {} / 利息 {} / 元金 {}\n返済後残高: {}\n金融機関: {}",
                    decided.reception_number,
                    format_datetime_ja(to_jst(now)),
                    decided.amount.format_ja(),
                    split.late_charge.format_ja(),
                    split.interest.format_ja(),
                    split.principal.format_ja(),
                    split.balance_after.format_ja(),
                    decided.bank_name
                ),
            );
        }
        Ok(decided)
    }

    /// What the member's `key` booked, as it stands now.
    pub fn movement(
        &mut self,
        token: &SessionToken,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<MovementLookup, BackendError> {
        let member = self.member_for(token, now)?;
        let booked = self
            .state
            .movements
            .iter()
            .find(|r| r.member_id == member.id && r.key == key)
            .map(|r| r.booked.clone());
        let movement = match booked {
            None => None,
            Some(Booked::Transfer { receipt }) => Some(Movement::Transfer { receipt }),
            Some(Booked::Repayment { id }) => Some(Movement::Repayment {
                repayment: self.repayment_of(member.id, &id)?,
            }),
        };
        Ok(MovementLookup { movement })
    }
}

fn kind_ja(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::Ordinary => "普通",
        AccountKind::Current => "当座",
    }
}
