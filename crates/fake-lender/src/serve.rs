//! The lender behind the operation list (`portal_api::ops`): one [`Serve`]
//! implementation per operation, and [`serve_wire`], which finds an
//! operation by its spec in a table built from `for_each_operation!` and
//! runs it on the wire form. The in-browser adapter calls `serve_wire` (or
//! [`serve_form`] for an upload, whose request is a `Form`); the server
//! decodes HTTP itself and calls [`serve`].

use crate::Lender;
use chrono::{DateTime, Utc};
use portal_api::ops::{self, decode_request, encode_reply, OpSpec, Operation};
use portal_api::{BackendError, Form, MaintenanceStatus, SessionToken};

/// What a driver hands the lender with each request besides its data.
pub struct Call<'a> {
    /// The instant the request happens at (the page's or server's clock).
    pub now: DateTime<Utc>,
    /// The session the request presents, if any.
    pub session: Option<&'a SessionToken>,
    /// 128 bits from a cryptographic source (`getrandom` on the server,
    /// `crypto.getRandomValues` in the browser), asked for only by an
    /// operation that starts a session. `None` if the source failed.
    pub random: &'a mut dyn FnMut() -> Option<[u8; 16]>,
    /// The request's `Idempotency-Key`, for an operation that carries one.
    pub idempotency_key: Option<&'a str>,
}

impl Call<'_> {
    pub(crate) fn token(&self) -> Result<&SessionToken, BackendError> {
        self.session.ok_or(BackendError::NotSignedIn)
    }

    fn fresh_token(&mut self) -> Result<SessionToken, BackendError> {
        (self.random)()
            .map(SessionToken::from_random)
            .ok_or(BackendError::Server)
    }
}

/// How the lender answers one operation.
pub trait Serve<Op: Operation> {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: Op::Request,
    ) -> Result<Op::Reply, BackendError>;
}

/// Runs one operation: a session operation without a session is refused
/// before the lender sees it.
pub fn serve<Op: Operation>(
    lender: &mut Lender,
    call: &mut Call<'_>,
    request: Op::Request,
) -> Result<Op::Reply, BackendError>
where
    Lender: Serve<Op>,
{
    if Op::SPEC.session {
        call.token()?;
    }
    <Lender as Serve<Op>>::serve(lender, call, request)
}

type WireHandler = fn(&mut Lender, &mut Call<'_>, &str) -> Result<String, BackendError>;

fn wire<Op: Operation>(
    lender: &mut Lender,
    call: &mut Call<'_>,
    request: &str,
) -> Result<String, BackendError>
where
    Lender: Serve<Op>,
{
    if Op::SPEC.session {
        call.token()?;
    }
    let request = decode_request::<Op>(request)?;
    let reply = serve::<Op>(lender, call, request)?;
    encode_reply::<Op>(&reply)
}

type FormHandler = fn(&mut Lender, &mut Call<'_>, Form) -> Result<String, BackendError>;

fn form<Op: Operation>(
    lender: &mut Lender,
    call: &mut Call<'_>,
    form: Form,
) -> Result<String, BackendError>
where
    Lender: Serve<Op>,
{
    if Op::SPEC.session {
        call.token()?;
    }
    let request = Op::from_form(form)?;
    let reply = serve::<Op>(lender, call, request)?;
    encode_reply::<Op>(&reply)
}

macro_rules! wire_table {
    ($($op:path),* $(,)?) => {
        /// Every operation of the list with its handlers: from the text
        /// wire form, and from a form (which only `Input::Multipart`
        /// operations read; the others refuse it).
        const TABLE: &[(&OpSpec, WireHandler, FormHandler)] =
            &[$((<$op as Operation>::SPEC, wire::<$op>, form::<$op>)),*];
    };
}
portal_api::for_each_operation!(wire_table);

/// Runs the operation `spec` names on its wire form (the query string or
/// JSON body) and answers its reply's JSON. An operation missing from the
/// table is a server fault.
pub fn serve_wire(
    lender: &mut Lender,
    spec: &OpSpec,
    call: &mut Call<'_>,
    request: &str,
) -> Result<String, BackendError> {
    let handler = TABLE
        .iter()
        .find(|(s, _, _)| s.name == spec.name)
        .map(|(_, h, _)| *h)
        .ok_or(BackendError::Server)?;
    handler(lender, call, request)
}

/// Runs the `Input::Multipart` operation `spec` names on its form and
/// answers its reply's JSON, as [`serve_wire`] does for the others.
pub fn serve_form(
    lender: &mut Lender,
    spec: &OpSpec,
    call: &mut Call<'_>,
    form: Form,
) -> Result<String, BackendError> {
    let handler = TABLE
        .iter()
        .find(|(s, _, _)| s.name == spec.name)
        .map(|(_, _, h)| *h)
        .ok_or(BackendError::Server)?;
    handler(lender, call, form)
}

impl Serve<ops::SignIn> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::SignInRequest,
    ) -> Result<portal_api::SignedIn, BackendError> {
        let token = call.fresh_token()?;
        self.sign_in(&request, call.now, token)
    }
}

impl Serve<ops::SignOut> for Lender {
    fn serve(&mut self, call: &mut Call<'_>, (): ()) -> Result<(), BackendError> {
        self.sign_out(call.token()?);
        Ok(())
    }
}

impl Serve<ops::GetCurrentSession> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        (): (),
    ) -> Result<portal_api::CurrentSession, BackendError> {
        self.current_session(call.token()?, call.now)
    }
}

impl Serve<ops::KeepAlive> for Lender {
    fn serve(&mut self, call: &mut Call<'_>, (): ()) -> Result<(), BackendError> {
        self.touch(call.token()?, call.now)
    }
}

impl Serve<ops::GetAccountSummary> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        (): (),
    ) -> Result<portal_api::AccountSummary, BackendError> {
        self.account_summary(call.token()?, call.now)
    }
}

impl Serve<ops::GetHistory> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        query: portal_api::HistoryQuery,
    ) -> Result<portal_api::HistoryPage, BackendError> {
        self.history(call.token()?, call.now, &query)
    }
}

impl Serve<ops::GetRepaidBorrowings> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        query: portal_api::RepaidQuery,
    ) -> Result<Vec<portal_api::RepaidBorrowing>, BackendError> {
        self.repaid_borrowings(call.token()?, call.now, query)
    }
}

impl Serve<ops::GetMaintenance> for Lender {
    fn serve(&mut self, _call: &mut Call<'_>, (): ()) -> Result<MaintenanceStatus, BackendError> {
        Ok(MaintenanceStatus {
            unscheduled: self.unscheduled_maintenance(),
        })
    }
}

impl Serve<ops::GetPayeeAccount> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        (): (),
    ) -> Result<portal_api::PayeeAccountStatus, BackendError> {
        self.payee_account(call.token()?, call.now)
    }
}

impl Serve<ops::RegisterPayeeAccount> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        input: portal_api::PayeeAccountInput,
    ) -> Result<portal_api::PayeeAccount, BackendError> {
        self.register_payee_account(call.token()?, call.now, &input)
    }
}

impl Serve<ops::QuoteTransfer> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::TransferRequest,
    ) -> Result<portal_api::TransferQuote, BackendError> {
        self.quote_transfer(call.token()?, call.now, request)
    }
}

impl Serve<ops::Transfer> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::TransferRequest,
    ) -> Result<portal_api::TransferReceipt, BackendError> {
        self.transfer(call.token()?, call.now, call.idempotency_key, request)
    }
}

impl Serve<ops::StartRepayment> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::RepaymentRequest,
    ) -> Result<portal_api::Repayment, BackendError> {
        self.start_repayment(call.token()?, call.now, call.idempotency_key, request)
    }
}

impl Serve<ops::GetRepayment> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        query: portal_api::RepaymentQuery,
    ) -> Result<portal_api::Repayment, BackendError> {
        self.repayment(call.token()?, call.now, &query.id)
    }
}

impl Serve<ops::DecideRepayment> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::BankDecisionRequest,
    ) -> Result<portal_api::Repayment, BackendError> {
        self.decide_repayment(call.token()?, call.now, &request)
    }
}

impl Serve<ops::GetMovement> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        query: portal_api::MovementQuery,
    ) -> Result<portal_api::MovementLookup, BackendError> {
        self.movement(call.token()?, call.now, &query.key)
    }
}

impl Call<'_> {
    /// A fresh request name and confirmation code for a code request.
    pub(crate) fn fresh_challenge(
        &mut self,
    ) -> Result<(String, portal_domain::recovery::ConfirmationCode), BackendError> {
        let name = self.fresh_token()?.as_str().to_owned();
        let code = (self.random)()
            .map(portal_domain::recovery::ConfirmationCode::from_random)
            .ok_or(BackendError::Server)?;
        Ok((name, code))
    }
}

impl Serve<ops::RequestRegistrationCode> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::RegistrationCodeRequest,
    ) -> Result<portal_api::CodeSent, BackendError> {
        let (challenge, code) = call.fresh_challenge()?;
        self.request_registration_code(&request, call.now, challenge, code)
    }
}

impl Serve<ops::RequestResetCode> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::ResetCodeRequest,
    ) -> Result<portal_api::CodeSent, BackendError> {
        let (challenge, code) = call.fresh_challenge()?;
        self.request_reset_code(&request, call.now, challenge, code)
    }
}

impl Serve<ops::VerifyCode> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::VerifyCodeRequest,
    ) -> Result<(), BackendError> {
        self.verify_code(&request, call.now)
    }
}

impl Serve<ops::RegisterWebId> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::RegistrationRequest,
    ) -> Result<portal_api::Registered, BackendError> {
        self.register_web_id(&request, call.now)
    }
}

impl Serve<ops::ResetPassword> for Lender {
    fn serve(
        &mut self,
        call: &mut Call<'_>,
        request: portal_api::PasswordResetRequest,
    ) -> Result<(), BackendError> {
        self.reset_password(&request, call.now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::OPERATIONS;

    #[test]
    fn every_listed_operation_has_a_handler() {
        for spec in OPERATIONS {
            assert!(
                TABLE.iter().any(|(s, _, _)| s.name == spec.name),
                "{}",
                spec.name
            );
        }
        assert_eq!(TABLE.len(), OPERATIONS.len());
    }
}
