//! The API document against the Rust types, both ways: every schema's
//! property names, required lists and enums must equal what serde produces
//! for real values, so adding a field (or a variant) on one side without the
//! other fails here. Real values are also validated against the document,
//! and every documented operation and error status against the server.

mod common;

use axum::http::{Method, StatusCode};
use chrono::{NaiveDate, NaiveDateTime};
use common::*;
use portal_api::ops::{
    encode_request, DecideRepayment, ExchangePoints, GetHistory, GetMovement, GetPayeeAccount,
    GetPoints, GetRepaidBorrowings, GetRepayment, Input, JoinPoints, OpSpec, Operation,
    QuoteTransfer, RegisterPayeeAccount, StartRepayment, Transfer,
};
use portal_api::ops::{ChangeAddress, ChangeEmployer, RegisterPrepaidCard};
use portal_api::{
    AccountKind, AccountSummary, AmountError, Arrival, BackendError, BankDecision,
    BankDecisionRequest, Channel, CodeEnd, CodeSent, EntryKind, FieldProblem, HistoryEntry,
    HistoryPage, HistoryQuery, LoginKind, Movement, MovementLookup, MovementQuery, NextDue,
    PasswordResetRequest, PayeeAccount, PayeeAccountInput, PayeeAccountStatus, PayeeError,
    PayeeField, PayeeProblem, Registered, RegistrationCodeRequest, RegistrationRequest,
    RepaidBorrowing, RepaidQuery, Repayment, RepaymentQuery, RepaymentRequest, RepaymentSplit,
    RepaymentState, ResetCodeRequest, SignInRequest, SignedIn, TransferQuote, TransferReceipt,
    TransferRequest, UnscheduledMaintenance, VerifyCodeRequest,
};
use portal_api::{
    AddressChanged, AddressInput, AddressView, EmployerChanged, EmployerInput, EmployerView,
    PrepaidCardInput, PrepaidCardRegistered, ProfileProblem, ProfileRule,
};
use portal_api::{CurrentSession, SessionToken, OPERATIONS as LISTED};
use portal_api::{
    DocumentError, DocumentKind, DocumentProblem, DocumentStatus, DocumentUpload, FileType,
    PageInfo, SubmittedDocument,
};
use portal_api::{
    ExchangeError, ExchangeItem, ExchangeReceipt, ExchangeRequest, PointEntry, PointKind,
    PointsStatus,
};
use portal_domain::input::{Field, FieldError};
use portal_domain::money::Yen;
use portal_domain::profile::{parse_phone, parse_postal_code, Prefecture, ProfileField};
use portal_server::{status_for, FaultInjection, FaultKind, MaintenanceNotice, API_PREFIX};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;

// ---- loading and reading the document ----

fn doc() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.yaml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("openapi.yaml is not YAML: {e}"))
}

fn schema<'a>(doc: &'a Value, name: &str) -> &'a Value {
    let found = &doc["components"]["schemas"][name];
    assert!(found.is_object(), "the document has no schema {name}");
    found
}

/// Follows a local `$ref` to the schema it names.
fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let pointer = reference.trim_start_matches('#');
            let target = doc
                .pointer(pointer)
                .unwrap_or_else(|| panic!("dangling $ref {reference}"));
            resolve(doc, target)
        }
        None => value,
    }
}

fn ref_name(value: &Value) -> Option<&str> {
    value.get("$ref")?.as_str()?.rsplit('/').next()
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn property_names(schema: &Value) -> BTreeSet<String> {
    schema["properties"]
        .as_object()
        .map(|map| map.keys().cloned().collect())
        .unwrap_or_default()
}

fn wire<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or_else(|e| panic!("cannot serialise: {e}"))
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .map(|map| map.keys().cloned().collect())
        .unwrap_or_default()
}

// ---- a small validator for the JSON Schema subset the document uses ----

/// Checks `value` against `schema`, returning the first mismatch. It knows
/// `$ref`, `oneOf` (exactly one must match), `type` (single or list),
/// `const`, `enum`, object `properties`/`required`/`additionalProperties:
/// false`, array `items`, integer `minimum`/`maximum`, and the three string
/// shapes the document uses (`format: date`, `format: date-time`, and the
/// JST wall-clock pattern), which it checks by parsing as chrono would.
fn validate(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let matching = options
            .iter()
            .filter(|s| validate(doc, s, value, at).is_ok())
            .count();
        return if matching == 1 {
            Ok(())
        } else {
            Err(format!(
                "{at}: {value} matches {matching} of the oneOf options"
            ))
        };
    }
    if let Some(expected) = schema.get("const") {
        if expected != value {
            return Err(format!("{at}: {value} is not {expected}"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            return Err(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            other => other
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect(),
        };
        let fits = |t: &str| match t {
            "null" => value.is_null(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "object" => value.is_object(),
            "array" => value.is_array(),
            "boolean" => value.is_boolean(),
            _ => false,
        };
        if !types.iter().any(|t| fits(t)) {
            return Err(format!("{at}: {value} is not of type {types:?}"));
        }
    }
    if let Some(n) = value.as_f64() {
        let below = schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m);
        let above = schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m);
        if below || above {
            return Err(format!("{at}: {n} is out of range"));
        }
    }
    if let Some(text) = value.as_str() {
        check_string_shape(schema, text).map_err(|e| format!("{at}: {e}"))?;
    }
    if let Some(object) = value.as_object() {
        for name in strings(&schema["required"]) {
            if !object.contains_key(&name) {
                return Err(format!("{at}: missing required {name}"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, item) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => validate(doc, property, item, &format!("{at}.{name}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return Err(format!("{at}: unexpected property {name}"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(doc, items, item, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

fn check_string_shape(schema: &Value, text: &str) -> Result<(), String> {
    let format = schema.get("format").and_then(Value::as_str);
    let pattern = schema.get("pattern").and_then(Value::as_str);
    match (format, pattern) {
        (Some("date"), _) => {
            let ok = text.len() == 10 && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok();
            ok.then_some(())
                .ok_or(format!("{text:?} is not YYYY-MM-DD"))
        }
        (Some("date-time"), _) => chrono::DateTime::parse_from_rfc3339(text)
            .map(|_| ())
            .map_err(|e| format!("{text:?} is not RFC 3339: {e}")),
        (None, Some(p)) if p.contains("T[0-9]{2}:[0-9]{2}:[0-9]{2}") => {
            // No offset, four-digit year, optional fraction: chrono's
            // `NaiveDateTime` form, which is what the pattern spells out.
            let shape = text.len() >= 19
                && text.as_bytes().get(10) == Some(&b'T')
                && text[..4].bytes().all(|b| b.is_ascii_digit())
                && !text.ends_with('Z')
                && !text[10..].contains(['+', '-']);
            let parses = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").is_ok();
            (shape && parses)
                .then_some(())
                .ok_or(format!("{text:?} is not a JST wall-clock time"))
        }
        (None, Some("^[0-9a-f]{32}$")) => {
            let ok =
                text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            ok.then_some(())
                .ok_or(format!("{text:?} is not 32 lower-case hex digits"))
        }
        (None, Some(p)) => Err(format!("the test does not know the pattern {p}; teach it")),
        (Some(other), _) => Err(format!(
            "the test does not know the format {other}; teach it"
        )),
        (None, None) => Ok(()),
    }
}

/// Asserts that a schema describes exactly the keys serde writes, that all
/// of them are required (serde always writes every key, `null` included),
/// and that the value validates.
fn assert_same_shape(doc: &Value, name: &str, samples: &[Value]) {
    let described = schema(doc, name);
    let documented = property_names(described);
    assert_eq!(
        strings(&described["required"]),
        documented,
        "{name}: every property must be required"
    );
    assert_eq!(
        described["additionalProperties"],
        Value::Bool(false),
        "{name}: must forbid extra properties"
    );
    for sample in samples {
        assert_eq!(
            keys(sample),
            documented,
            "{name}: serde keys differ from the document"
        );
        validate(doc, described, sample, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

// ---- sample values of every wire type ----

fn datetime(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").unwrap_or_else(|e| panic!("{e}"))
}

fn signed_in_samples() -> Vec<Value> {
    let base = SignedIn {
        token: Some(SessionToken::from_random([0x5a; 16])),
        member_name: "見本 花子".into(),
        login: LoginKind::Card,
        previous_sign_in: Some(instant(WEDNESDAY_NOON_JST_MS + 123)),
    };
    let first = SignedIn {
        login: LoginKind::WebId,
        previous_sign_in: None,
        ..base.clone()
    };
    // A portal request gets its token as a cookie instead.
    let cookie = SignedIn {
        token: None,
        ..base.clone()
    };
    vec![wire(&base), wire(&first), wire(&cookie)]
}

fn next_due() -> NextDue {
    NextDue {
        date: NaiveDate::from_ymd_opt(2026, 1, 26).unwrap_or_default(),
        minimum: Yen(6_000),
    }
}

fn summary_samples() -> Vec<Value> {
    let full = AccountSummary {
        member_name: "見本 太一".into(),
        balance: Yen(480_000),
        credit_line: Yen(1_000_000),
        available: Yen(520_000),
        next_due: Some(next_due()),
        overdue_days: 12,
        previous_sign_in: Some(instant(WEDNESDAY_NOON_JST_MS)),
        points: Some(1_250),
        payoff_today: Yen(483_945),
        accrued_interest: Yen(3_893),
        late_charge: Yen(52),
        interest_free_days_left: Some(30),
        interest_to_next_due: Some(Yen(6_612)),
        apr_percent: "15".into(),
        line_review: Some(portal_api::ReviewStatus::DocumentsNeeded),
    };
    let empty = AccountSummary {
        line_review: None,
        next_due: None,
        previous_sign_in: None,
        points: None,
        overdue_days: u32::MAX,
        interest_free_days_left: None,
        interest_to_next_due: None,
        apr_percent: "17.8".into(),
        ..full.clone()
    };
    vec![wire(&full), wire(&empty)]
}

/// Every `EntryKind`; the match fails to compile when a variant is added.
fn all_entry_kinds() -> Vec<EntryKind> {
    let all = vec![EntryKind::Borrowing, EntryKind::Repayment];
    for kind in &all {
        match kind {
            EntryKind::Borrowing | EntryKind::Repayment => {}
        }
    }
    all
}

/// Every `Channel`, kept complete the same way as [`all_entry_kinds`].
fn all_channels() -> Vec<Channel> {
    let all = vec![
        Channel::Atm,
        Channel::Transfer,
        Channel::InternetRepayment,
        Channel::Debit,
        Channel::Points,
    ];
    for channel in &all {
        match channel {
            Channel::Atm
            | Channel::Transfer
            | Channel::InternetRepayment
            | Channel::Debit
            | Channel::Points => {}
        }
    }
    all
}

fn history_samples() -> Vec<Value> {
    let repayment = HistoryEntry {
        at: instant(WEDNESDAY_NOON_JST_MS + 7),
        kind: EntryKind::Repayment,
        channel: Channel::InternetRepayment,
        amount: Yen(6_000),
        interest: Yen(1_463),
        principal: Yen(4_485),
        late_charge: Yen(52),
        balance_after: Yen(145_515),
        days: 30,
    };
    let borrowing = HistoryEntry {
        kind: EntryKind::Borrowing,
        channel: Channel::Atm,
        amount: Yen(50_000),
        interest: Yen(0),
        principal: Yen(0),
        late_charge: Yen(0),
        balance_after: Yen(150_000),
        days: 0,
        ..repayment.clone()
    };
    vec![wire(&repayment), wire(&borrowing)]
}

fn repaid_borrowing_samples() -> Vec<Value> {
    let long = RepaidBorrowing {
        borrowed_at: instant(WEDNESDAY_NOON_JST_MS + 11),
        amount: Yen(30_000),
        repaid_on: NaiveDate::from_ymd_opt(2026, 6, 25).unwrap_or_default(),
        days: 169,
    };
    let same_day = RepaidBorrowing {
        amount: Yen(1_000),
        repaid_on: NaiveDate::from_ymd_opt(2026, 1, 7).unwrap_or_default(),
        days: 0,
        ..long.clone()
    };
    vec![wire(&long), wire(&same_day)]
}

fn maintenance_window() -> UnscheduledMaintenance {
    UnscheduledMaintenance {
        start: datetime("2026-01-07T11:00:00"),
        end: datetime("2026-01-07T13:30:00.250"),
    }
}

/// Every `Field`; the match fails to compile when a variant is added, which
/// is the reminder to add it to the list and to the document.
fn all_fields() -> Vec<Field> {
    let all = vec![
        Field::CardNumber,
        Field::Pin,
        Field::WebId,
        Field::Password,
        Field::MemberNumber,
        Field::Email,
        Field::Code,
        Field::PasswordConfirmation,
        Field::RepaymentDay,
        Field::CurrentPassword,
    ];
    for field in &all {
        match field {
            Field::CardNumber
            | Field::Pin
            | Field::WebId
            | Field::Password
            | Field::MemberNumber
            | Field::Email
            | Field::Code
            | Field::PasswordConfirmation
            | Field::RepaymentDay
            | Field::CurrentPassword => {}
        }
    }
    all
}

/// Every `FieldError`, kept complete the same way as [`all_fields`].
fn all_field_errors() -> Vec<FieldError> {
    use FieldError::*;
    let all = vec![
        Required,
        NotHalfWidth,
        NotDigits,
        NotAlphanumeric,
        CardLength,
        PinLength,
        WebIdLength,
        PasswordLength,
        MemberNumberLength,
        NeedsLetterAndDigit,
        SameAsWebId,
        EmailShape,
        CodeLength,
        Mismatch,
        Overdue,
        DueToday,
        SameAsCurrent,
        Incorrect,
    ];
    for error in &all {
        match error {
            Required | NotHalfWidth | NotDigits | NotAlphanumeric | CardLength | PinLength
            | WebIdLength | PasswordLength | MemberNumberLength | NeedsLetterAndDigit
            | SameAsWebId | EmailShape | CodeLength | Mismatch | Overdue | DueToday
            | SameAsCurrent | Incorrect => {}
        }
    }
    all
}

/// One value of every `BackendError` variant, and whether a server sends it.
/// The exhaustive match makes a new variant a compile error here until it is
/// classified, and then the document must list it (or not) to match.
fn all_backend_errors() -> Vec<(BackendError, bool)> {
    let all = vec![
        BackendError::InvalidInput {
            problems: vec![FieldProblem {
                field: Field::Pin,
                error: FieldError::PinLength,
            }],
        },
        BackendError::BadCredentials,
        BackendError::Locked,
        BackendError::Suspended,
        BackendError::Maintenance {
            until: datetime("2026-01-05T07:00:00"),
        },
        BackendError::NotSignedIn,
        BackendError::AmountRefused {
            reason: AmountError::OverAvailable {
                available: Yen(350_000),
            },
        },
        BackendError::PayeeRefused {
            problems: vec![PayeeProblem {
                field: PayeeField::Holder,
                error: PayeeError::NotMemberName,
            }],
        },
        BackendError::NoPayeeAccount,
        BackendError::IdempotencyConflict,
        BackendError::NotFound,
        BackendError::CodeRefused { tries_left: 2 },
        BackendError::CodeEnded {
            why: CodeEnd::Expired,
        },
        BackendError::WebIdTaken,
        BackendError::ExchangeRefused {
            refusal: ExchangeError::Insufficient { balance: 120 },
        },
        BackendError::LineRefused {
            problems: vec![portal_api::LineProblem::with(
                portal_api::LineField::DesiredLine,
                portal_api::LineRule::NotAboveCurrent,
                Yen(500_000),
            )],
        },
        BackendError::ProfileRefused {
            problems: vec![ProfileProblem {
                field: ProfileField::PrepaidCard,
                error: ProfileRule::Checksum,
            }],
        },
        BackendError::DocumentRefused {
            problems: vec![
                DocumentProblem {
                    page: None,
                    error: DocumentError::TooManyPages,
                },
                DocumentProblem {
                    page: Some(3),
                    error: DocumentError::WrongType,
                },
            ],
        },
        BackendError::TooLarge,
        BackendError::Server,
        BackendError::Offline,
        BackendError::Timeout,
        BackendError::Malformed,
    ];
    all.into_iter()
        .map(|e| {
            let sent_by_servers = match &e {
                BackendError::InvalidInput { .. }
                | BackendError::BadCredentials
                | BackendError::Locked
                | BackendError::Suspended
                | BackendError::Maintenance { .. }
                | BackendError::NotSignedIn
                | BackendError::AmountRefused { .. }
                | BackendError::PayeeRefused { .. }
                | BackendError::NoPayeeAccount
                | BackendError::IdempotencyConflict
                | BackendError::NotFound
                | BackendError::CodeRefused { .. }
                | BackendError::CodeEnded { .. }
                | BackendError::WebIdTaken
                | BackendError::ExchangeRefused { .. }
                | BackendError::LineRefused { .. }
                | BackendError::ProfileRefused { .. }
                | BackendError::DocumentRefused { .. }
                | BackendError::TooLarge
                | BackendError::Server => true,
                BackendError::Offline | BackendError::Timeout | BackendError::Malformed => false,
            };
            (e, sent_by_servers)
        })
        .collect()
}

fn code_of(value: &Value) -> String {
    value["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no code in {value}"))
        .to_owned()
}

/// The error schemas `BackendError` lists, by their `code` constant.
fn documented_errors(doc: &Value) -> Vec<(String, String)> {
    let backend_error = schema(doc, "BackendError");
    let options = backend_error["oneOf"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    options
        .iter()
        .map(|option| {
            let name = ref_name(option)
                .unwrap_or_else(|| panic!("BackendError option without $ref"))
                .to_owned();
            let code = schema(doc, &name)["properties"]["code"]["const"]
                .as_str()
                .unwrap_or_else(|| panic!("{name} has no code const"))
                .to_owned();
            (code, name)
        })
        .collect()
}

// ---- the tests ----

#[test]
fn signed_in_matches_the_document() {
    let doc = doc();
    assert_same_shape(&doc, "SignedIn", &signed_in_samples());
    let current = CurrentSession {
        member_name: "見本 花子".into(),
        login: LoginKind::Card,
        previous_sign_in: Some(instant(WEDNESDAY_NOON_JST_MS)),
    };
    let first = CurrentSession {
        previous_sign_in: None,
        ..current.clone()
    };
    assert_same_shape(&doc, "CurrentSession", &[wire(&current), wire(&first)]);
    let login_kinds: BTreeSet<String> = [LoginKind::Card, LoginKind::WebId]
        .iter()
        .map(|k| wire(k).as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(strings(&schema(&doc, "LoginKind")["enum"]), login_kinds);
}

#[test]
fn account_summary_and_next_due_match_the_document() {
    let doc = doc();
    assert_same_shape(&doc, "AccountSummary", &summary_samples());
    assert_same_shape(&doc, "NextDue", &[wire(&next_due())]);
}

#[test]
fn history_entries_match_the_document() {
    let doc = doc();
    assert_same_shape(&doc, "HistoryEntry", &history_samples());
    let kinds: BTreeSet<String> = all_entry_kinds()
        .iter()
        .map(|k| wire(k).as_str().unwrap_or_default().to_owned())
        .collect();
    let channels: BTreeSet<String> = all_channels()
        .iter()
        .map(|c| wire(c).as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(channels.contains("internet_repayment"));
    assert_eq!(strings(&schema(&doc, "EntryKind")["enum"]), kinds);
    assert_eq!(strings(&schema(&doc, "Channel")["enum"]), channels);
    // The operation answers a page of exactly those entries.
    let page = wire(&HistoryPage {
        total: 120,
        offset: 50,
        entries: history_samples()
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
    });
    assert_eq!(page["entries"].as_array().map(Vec::len), Some(2));
    assert_same_shape(&doc, "HistoryPage", std::slice::from_ref(&page));
    let body = &doc["paths"]["/api/v1/account/history"]["get"]["responses"]["200"]["content"]
        ["application/json"]["schema"];
    assert_eq!(ref_name(body), Some("HistoryPage"));
    validate(&doc, body, &page, "history").unwrap_or_else(|e| panic!("{e}"));
}

/// A history query as the portal writes it.
fn history_wire(query: &HistoryQuery) -> String {
    encode_request::<GetHistory>(query).unwrap_or_else(|e| panic!("cannot encode: {e:?}"))
}

/// Reads a query string as the server does.
fn parse_query<T: serde::de::DeserializeOwned>(query: &str) -> Option<T> {
    let uri: axum::http::Uri = format!("/h?{query}").parse().ok()?;
    axum::extract::Query::<T>::try_from_uri(&uri)
        .ok()
        .map(|q| q.0)
}

/// Gives every query parameter the document lists for `GET path` a value
/// of its schema, and reads the whole query string as the server does. All
/// parameters must be optional query parameters.
fn documented_query<T: serde::de::DeserializeOwned>(doc: &Value, path: &str) -> Option<T> {
    let params = doc["paths"][path]["get"]["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let sample = |p: &Value| {
        let schema = resolve(doc, &p["schema"]);
        match (schema["type"].as_str(), schema["format"].as_str()) {
            (Some("string"), Some("date")) => "2026-11-25".to_owned(),
            (Some("string"), _) => strings(&schema["enum"])
                .into_iter()
                .next()
                .unwrap_or_default(),
            (Some("integer"), _) => "7".to_owned(),
            other => panic!("no sample for {other:?}"),
        }
    };
    let mut parts = Vec::new();
    for p in &params {
        let p = resolve(doc, p);
        // The portal's own header travels with every request; it is no
        // part of the query.
        if p["name"] == "X-Portal-Request" {
            continue;
        }
        assert_eq!(p["in"], "query", "{p}");
        assert_eq!(p["required"], false, "{p}");
        parts.push(format!(
            "{}={}",
            p["name"].as_str().unwrap_or_default(),
            sample(p)
        ));
    }
    parse_query(&parts.join("&"))
}

#[test]
fn query_parameters_match_the_document() {
    let doc = doc();
    // Every documented parameter is read, and every field is documented:
    // giving each documented parameter a value sets every field.
    let history: Option<HistoryQuery> = documented_query(&doc, "/api/v1/account/history");
    let expected = HistoryQuery {
        from: NaiveDate::from_ymd_opt(2026, 11, 25),
        to: NaiveDate::from_ymd_opt(2026, 11, 25),
        kind: Some(EntryKind::Borrowing),
        offset: 7,
        limit: Some(7),
    };
    assert_eq!(history.as_ref(), Some(&expected));
    let repaid: Option<RepaidQuery> = documented_query(&doc, "/api/v1/account/repaid-borrowings");
    assert_eq!(repaid, Some(RepaidQuery { limit: Some(7) }));
    // What the portal sends is what the document describes.
    assert_eq!(parse_query(&history_wire(&expected)), Some(expected));
    assert_eq!(
        parse_query(
            &encode_request::<GetRepaidBorrowings>(&RepaidQuery { limit: Some(3) })
                .unwrap_or_default()
        ),
        Some(RepaidQuery { limit: Some(3) })
    );
    assert_eq!(parse_query(""), Some(RepaidQuery::default()));
    assert_eq!(
        parse_query::<HistoryQuery>("page=2"),
        None,
        "undocumented parameters are refused"
    );
    assert_eq!(
        parse_query::<RepaidQuery>("page=2"),
        None,
        "undocumented parameters are refused"
    );
}

#[test]
fn repaid_borrowings_match_the_document() {
    let doc = doc();
    assert_same_shape(&doc, "RepaidBorrowing", &repaid_borrowing_samples());
    // The operation answers an array of exactly that schema.
    let body = &doc["paths"]["/api/v1/account/repaid-borrowings"]["get"]["responses"]["200"]
        ["content"]["application/json"]["schema"];
    assert_eq!(body["type"], "array");
    assert_eq!(ref_name(&body["items"]), Some("RepaidBorrowing"));
    validate(
        &doc,
        body,
        &Value::Array(repaid_borrowing_samples()),
        "repaid borrowings",
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn maintenance_types_match_the_document() {
    let doc = doc();
    assert_same_shape(
        &doc,
        "UnscheduledMaintenance",
        &[wire(&maintenance_window())],
    );
    let declared = MaintenanceNotice {
        unscheduled: Some(maintenance_window()),
    };
    let lifted = MaintenanceNotice { unscheduled: None };
    assert_same_shape(&doc, "MaintenanceNotice", &[wire(&declared), wire(&lifted)]);
}

#[test]
fn sign_in_requests_match_the_document() {
    let doc = doc();
    let card = wire(&SignInRequest::Card {
        card_number: "1234567890".into(),
        pin: "1234".into(),
    });
    let web = wire(&SignInRequest::WebId {
        web_id: "demo0001".into(),
        password: "Passw0rd".into(),
    });
    for (name, sample, method) in [
        ("CardSignIn", &card, "card"),
        ("WebIdSignIn", &web, "web_id"),
    ] {
        let described = schema(&doc, name);
        assert_eq!(property_names(described), keys(sample), "{name}");
        assert_eq!(strings(&described["required"]), keys(sample), "{name}");
        assert_eq!(described["properties"]["method"]["const"], method, "{name}");
        assert_eq!(sample["method"], method);
        let mapping = &schema(&doc, "SignInRequest")["discriminator"]["mapping"][method];
        assert_eq!(
            mapping.as_str(),
            Some(format!("#/components/schemas/{name}").as_str())
        );
        validate(&doc, schema(&doc, "SignInRequest"), sample, name)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn field_problems_use_pascal_case_variant_names() {
    let doc = doc();
    let fields: BTreeSet<String> = all_fields()
        .iter()
        .map(|f| wire(f).as_str().unwrap_or_default().to_owned())
        .collect();
    let errors: BTreeSet<String> = all_field_errors()
        .iter()
        .map(|e| wire(e).as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(fields.contains("CardNumber"));
    assert_eq!(strings(&schema(&doc, "Field")["enum"]), fields);
    assert_eq!(strings(&schema(&doc, "FieldError")["enum"]), errors);
    let problem = wire(&FieldProblem {
        field: Field::CardNumber,
        error: FieldError::CardLength,
    });
    assert_same_shape(&doc, "FieldProblem", &[problem]);
}

#[test]
fn backend_error_codes_match_the_document_both_ways() {
    let doc = doc();
    let documented = documented_errors(&doc);
    let documented_codes: BTreeSet<String> =
        documented.iter().map(|(code, _)| code.clone()).collect();
    let sent: Vec<Value> = all_backend_errors()
        .iter()
        .filter(|(_, sent)| *sent)
        .map(|(e, _)| wire(e))
        .collect();
    let sent_codes: BTreeSet<String> = sent.iter().map(code_of).collect();
    assert_eq!(
        documented_codes, sent_codes,
        "BackendError codes differ between Rust and the document"
    );
    let mapping = keys(&schema(&doc, "BackendError")["discriminator"]["mapping"]);
    assert_eq!(
        mapping, sent_codes,
        "the discriminator mapping must list every code"
    );

    for value in &sent {
        let code = code_of(value);
        let name = documented
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        assert_same_shape(&doc, &name, std::slice::from_ref(value));
        validate(&doc, schema(&doc, "BackendError"), value, "BackendError")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    // Client-only failures must not be documented as wire errors.
    for (error, sent_by_servers) in all_backend_errors() {
        if !sent_by_servers {
            assert!(!documented_codes.contains(&code_of(&wire(&error))));
        }
    }
}

#[test]
fn documented_error_statuses_are_the_ones_the_server_sends() {
    let doc = doc();
    let documented = documented_errors(&doc);
    let errors = all_backend_errors();
    let mut checked = 0;
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for (path, operations) in &paths {
        for (method, operation) in operations.as_object().into_iter().flatten() {
            for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                let response = resolve(&doc, response);
                let body_schema = &response["content"]["application/json"]["schema"];
                // One error schema, or a choice of several (`oneOf`).
                let names: Vec<&str> = match body_schema["oneOf"].as_array() {
                    Some(options) => options.iter().filter_map(ref_name).collect(),
                    None => ref_name(body_schema).into_iter().collect(),
                };
                for name in names {
                    let Some((code, _)) = documented.iter().find(|(_, n)| n == name) else {
                        continue;
                    };
                    let error = errors
                        .iter()
                        .map(|(e, _)| e)
                        .find(|e| code_of(&wire(*e)) == *code)
                        .unwrap_or_else(|| panic!("no Rust variant for {code}"));
                    assert_eq!(
                        status_for(error).as_str(),
                        status,
                        "{method} {path}: the document says {status} for {code}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(
        checked >= 15,
        "only {checked} error responses found; is the document complete?"
    );
}

/// `ErrorNotFound` is both the `not_found` of `BackendError` (an unknown
/// repayment) and the server's own answer to an unknown path; they agree.
#[tokio::test]
async fn error_schemas_outside_backend_error_match_the_server() {
    use http_body_util::BodyExt;
    let doc = doc();
    let unknown_path = portal_server::error::not_found()
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    assert_eq!(
        serde_json::from_slice::<Value>(&unknown_path).unwrap_or(Value::Null),
        wire(&BackendError::NotFound)
    );
    for (name, code) in [
        ("ErrorNotFound", "not_found"),
        ("ErrorMethodNotAllowed", "method_not_allowed"),
    ] {
        assert_eq!(schema(&doc, name)["properties"]["code"]["const"], code);
        assert_eq!(
            strings(&schema(&doc, name)["required"]),
            BTreeSet::from(["code".to_owned()])
        );
    }
}

/// The test controls, which exist only with `--test-controls` and are not
/// part of the portal's operation list.
const TEST_CONTROLS: [(&str, &str); 6] = [
    ("post", "/api/v1/test/reset"),
    ("put", "/api/v1/test/maintenance"),
    ("put", "/api/v1/test/faults"),
    ("delete", "/api/v1/test/faults"),
    ("get", "/api/v1/test/mailbox"),
    ("post", "/api/v1/test/line-reviews"),
];

/// Every operation the server implements: the portal's list
/// (`portal_api::OPERATIONS`) and the test controls, as (method, path).
fn operations() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = LISTED
        .iter()
        .map(|s| {
            (
                s.method.as_str().to_lowercase(),
                format!("{API_PREFIX}{}", s.path),
            )
        })
        .collect();
    all.extend(
        TEST_CONTROLS
            .iter()
            .map(|(m, p)| ((*m).to_owned(), (*p).to_owned())),
    );
    all
}

fn documented_operation<'a>(doc: &'a Value, spec: &OpSpec) -> &'a Value {
    &doc["paths"][format!("{API_PREFIX}{}", spec.path)][spec.method.as_str().to_lowercase()]
}

#[tokio::test]
async fn documented_operations_are_exactly_the_routed_ones() {
    let doc = doc();
    let mut documented = BTreeSet::new();
    for (path, operations) in doc["paths"].as_object().into_iter().flatten() {
        for method in operations.as_object().into_iter().flatten().map(|(m, _)| m) {
            documented.insert((method.clone(), path.clone()));
        }
    }
    let implemented: BTreeSet<(String, String)> = operations().into_iter().collect();
    assert_eq!(documented, implemented);

    let app = router(true);
    for (method, path) in operations() {
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap_or(Method::GET);
        let reply = call(method.clone(), &path)
            .json(&json!({}))
            .send(&app)
            .await;
        assert!(
            ![StatusCode::NOT_FOUND, StatusCode::METHOD_NOT_ALLOWED].contains(&reply.status),
            "{method} {path} is not routed"
        );
        // Whatever the outcome, a documented operation answers with a status
        // the document lists for it.
        let op = &doc["paths"][&path][method.as_str().to_lowercase()];
        assert!(
            op["responses"].get(reply.status.as_str()).is_some(),
            "{method} {path}: {} undocumented",
            reply.status
        );
    }
}

/// Each operation of the list is documented as it is declared: its
/// `operationId`, its success status, whether it needs the bearer session,
/// whether it reads a body or a query, and the `Idempotency-Key` header
/// exactly on the operations that declare it.
#[test]
fn each_listed_operation_is_documented_as_declared() {
    let doc = doc();
    for spec in LISTED {
        let op = documented_operation(&doc, spec);
        assert!(op.is_object(), "{} is not documented", spec.name);
        assert_eq!(op["operationId"], spec.name, "{}", spec.name);
        assert!(
            op["responses"].get(spec.status.to_string()).is_some(),
            "{}: success status {} undocumented",
            spec.name,
            spec.status
        );
        // The document's default is the bearer session; public operations
        // opt out with `security: []`.
        let public = op["security"].as_array().is_some_and(|a| a.is_empty());
        assert_eq!(public, !spec.session, "{}: security", spec.name);
        if spec.session {
            assert!(
                op["responses"].get("401").is_some(),
                "{}: 401 undocumented",
                spec.name
            );
        }
        assert_eq!(
            op.get("requestBody").is_some(),
            matches!(spec.input, Input::Json | Input::Multipart),
            "{}: request body",
            spec.name
        );
        // A JSON body is documented as JSON, a form as a form, and only so.
        let media: BTreeSet<String> = keys(&op["requestBody"]["content"]);
        let expected: &[&str] = match spec.input {
            Input::Json => &["application/json"],
            Input::Multipart => &["multipart/form-data"],
            Input::Nothing | Input::Query => &[],
        };
        assert_eq!(
            media,
            expected.iter().map(|m| (*m).to_owned()).collect(),
            "{}: request media type",
            spec.name
        );
        let params: Vec<&Value> = op["parameters"]
            .as_array()
            .map(|a| a.iter().map(|p| resolve(&doc, p)).collect())
            .unwrap_or_default();
        let has_query = params.iter().any(|p| p["in"] == "query");
        assert_eq!(
            has_query,
            spec.input == Input::Query,
            "{}: query parameters",
            spec.name
        );
        if spec.starts_session || spec.ends_session {
            let ok = op["responses"][spec.status.to_string()]["headers"]["Set-Cookie"].is_object();
            assert!(ok, "{}: Set-Cookie undocumented", spec.name);
        }
        let has_key = params.iter().any(|p| p["name"] == "Idempotency-Key");
        assert_eq!(
            has_key, spec.idempotency_key,
            "{}: Idempotency-Key",
            spec.name
        );
        if spec.input != Input::Nothing {
            assert!(
                op["responses"].get("400").is_some(),
                "{}: 400 undocumented",
                spec.name
            );
        }
    }
}

#[test]
fn test_control_operations_are_tagged_and_unauthenticated() {
    let doc = doc();
    for (method, path) in operations() {
        let op = &doc["paths"][&path][&method];
        let is_test = path.starts_with("/api/v1/test/");
        assert_eq!(
            strings(&op["tags"]).contains("test-controls"),
            is_test,
            "{method} {path}"
        );
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert_eq!(
        doc["components"]["parameters"]["IdempotencyKey"]["name"],
        "Idempotency-Key"
    );
    // The portal's cookie session and the header it needs, as the server
    // names them.
    let cookie = &doc["components"]["securitySchemes"]["sessionCookie"];
    assert_eq!(cookie["in"], "cookie");
    assert_eq!(cookie["name"], portal_api::ops::SESSION_COOKIE);
    assert_eq!(
        doc["components"]["parameters"]["PortalRequest"]["name"],
        portal_api::ops::PORTAL_REQUEST_HEADER
    );
    assert_eq!(
        doc["components"]["parameters"]["PortalRequest"]["in"],
        "header"
    );
    assert_eq!(
        doc["openapi"].as_str().map(|v| v.starts_with("3.1")),
        Some(true)
    );
}

proptest::proptest! {
    /// Any query the portal can make reaches the server intact.
    #[test]
    fn every_history_query_survives_the_query_string(
        from in proptest::option::of(0i64..100_000),
        to in proptest::option::of(0i64..100_000),
        kind in proptest::option::of(proptest::prop_oneof![
            proptest::strategy::Just(EntryKind::Borrowing),
            proptest::strategy::Just(EntryKind::Repayment)
        ]),
        offset: u32,
        limit in proptest::option::of(proptest::num::u32::ANY),
    ) {
        let day = |n: i64| NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|d| d.checked_add_signed(chrono::Duration::days(n)));
        let query = HistoryQuery { from: from.and_then(day), to: to.and_then(day), kind, offset, limit };
        proptest::prop_assert_eq!(parse_query(&history_wire(&query)), Some(query));
    }
}

// ---- the money movements ----

/// Asserts that a string enum lists exactly the serde names of `all`.
fn assert_string_enum<T: Serialize>(doc: &Value, name: &str, all: &[T]) {
    let names: BTreeSet<String> = all
        .iter()
        .map(|v| wire(v).as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        names.len(),
        all.len(),
        "{name}: serde names are not strings"
    );
    assert_eq!(strings(&schema(doc, name)["enum"]), names, "{name}");
}

/// Asserts that an internally tagged enum is a `oneOf` whose discriminator
/// (`tag`) maps exactly the samples' tags, each to a schema of exactly that
/// variant's keys, and that every sample validates against the union.
fn assert_tagged_union(doc: &Value, name: &str, tag: &str, samples: &[Value]) {
    let union = schema(doc, name);
    assert_eq!(union["discriminator"]["propertyName"], tag, "{name}");
    let mapping = &union["discriminator"]["mapping"];
    let tags: BTreeSet<String> = samples
        .iter()
        .map(|s| s[tag].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(keys(mapping), tags, "{name}: discriminator mapping");
    let options: BTreeSet<String> = union["oneOf"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(ref_name)
        .map(str::to_owned)
        .collect();
    let mapped: BTreeSet<String> = mapping
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(_, v)| v.as_str()?.rsplit('/').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(options, mapped, "{name}: oneOf and mapping differ");
    for sample in samples {
        let target = mapping[sample[tag].as_str().unwrap_or_default()]
            .as_str()
            .and_then(|r| r.rsplit('/').next())
            .unwrap_or_else(|| panic!("{name}: no mapping for {sample}"));
        assert_eq!(
            schema(doc, target)["properties"][tag]["const"],
            sample[tag],
            "{target}"
        );
        assert_same_shape(doc, target, std::slice::from_ref(sample));
        validate(doc, union, sample, name).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Every `AccountKind`; the match fails to compile when a variant is added.
fn all_account_kinds() -> Vec<AccountKind> {
    let all = vec![AccountKind::Ordinary, AccountKind::Current];
    for kind in &all {
        match kind {
            AccountKind::Ordinary | AccountKind::Current => {}
        }
    }
    all
}

fn all_payee_fields() -> Vec<PayeeField> {
    use PayeeField::*;
    let all = vec![Bank, Branch, Number, Holder];
    for field in &all {
        match field {
            Bank | Branch | Number | Holder => {}
        }
    }
    all
}

fn all_payee_errors() -> Vec<PayeeError> {
    use PayeeError::*;
    let all = vec![Required, NotDigits, Length, NotKana, TooLong, NotMemberName];
    for error in &all {
        match error {
            Required | NotDigits | Length | NotKana | TooLong | NotMemberName => {}
        }
    }
    all
}

fn all_amount_errors() -> Vec<AmountError> {
    use AmountError::*;
    let all = vec![
        Required,
        NotANumber,
        BelowMinimum,
        NotInUnits,
        OverAvailable {
            available: Yen(350_000),
        },
        OverPayoff {
            payoff: Yen(151_234),
        },
        NothingAvailable,
        NothingOwed,
    ];
    for error in &all {
        match error {
            Required
            | NotANumber
            | BelowMinimum
            | NotInUnits
            | OverAvailable { .. }
            | OverPayoff { .. }
            | NothingAvailable
            | NothingOwed => {}
        }
    }
    all
}

fn all_arrivals() -> Vec<Arrival> {
    let all = vec![
        Arrival::WithinSeconds,
        Arrival::BusinessDayMorning {
            date: NaiveDate::from_ymd_opt(2026, 1, 8).unwrap_or_default(),
        },
    ];
    for arrival in &all {
        match arrival {
            Arrival::WithinSeconds | Arrival::BusinessDayMorning { .. } => {}
        }
    }
    all
}

fn all_repayment_states() -> Vec<RepaymentState> {
    use RepaymentState::*;
    let all = vec![AtBank, Completed, Cancelled, Failed];
    for state in &all {
        match state {
            AtBank | Completed | Cancelled | Failed => {}
        }
    }
    all
}

fn all_bank_decisions() -> Vec<BankDecision> {
    use BankDecision::*;
    let all = vec![Approve, Cancel, Fail];
    for decision in &all {
        match decision {
            Approve | Cancel | Fail => {}
        }
    }
    all
}

fn payee_account() -> PayeeAccount {
    PayeeAccount {
        bank_code: "0005".into(),
        bank_name: "三菱ＵＦＪ銀行".into(),
        branch_code: "001".into(),
        branch_name: "本店".into(),
        kind: AccountKind::Ordinary,
        number_masked: "***4567".into(),
        holder: "ミホン　ハナコ".into(),
        settles_24x7: true,
    }
}

fn transfer_receipt() -> TransferReceipt {
    TransferReceipt {
        reception_number: "T26010700001".into(),
        amount: Yen(30_000),
        payee: payee_account(),
        arrival: Arrival::WithinSeconds,
        accepted_at: instant(WEDNESDAY_NOON_JST_MS + 9),
        balance_after: Yen(180_000),
        available_after: Yen(320_000),
    }
}

fn repayment_samples() -> Vec<Repayment> {
    let at_bank = Repayment {
        id: "r26010700002".into(),
        reception_number: "R26010700002".into(),
        amount: Yen(10_000),
        bank_code: "0005".into(),
        bank_name: "三菱ＵＦＪ銀行".into(),
        state: RepaymentState::AtBank,
        bank_url: "/repay?bank=r26010700002".into(),
        started_at: instant(WEDNESDAY_NOON_JST_MS),
        split: None,
    };
    let completed = Repayment {
        state: RepaymentState::Completed,
        split: Some(RepaymentSplit {
            late_charge: Yen(52),
            interest: Yen(1_463),
            principal: Yen(8_485),
            balance_after: Yen(141_515),
        }),
        ..at_bank.clone()
    };
    vec![at_bank, completed]
}

fn values<T: Serialize>(all: &[T]) -> Vec<Value> {
    all.iter().map(wire).collect()
}

#[test]
fn payee_types_match_the_document() {
    let doc = doc();
    assert_string_enum(&doc, "AccountKind", &all_account_kinds());
    assert_string_enum(&doc, "PayeeField", &all_payee_fields());
    assert_string_enum(&doc, "PayeeError", &all_payee_errors());
    let input = PayeeAccountInput {
        bank_code: "0005".into(),
        bank_name: "三菱ＵＦＪ銀行".into(),
        branch_code: "001".into(),
        branch_name: "本店".into(),
        kind: AccountKind::Current,
        number: "1234567".into(),
        holder: "ﾐﾎﾝ ﾊﾅｺ".into(),
    };
    assert_same_shape(&doc, "PayeeAccountInput", &[wire(&input)]);
    assert_same_shape(&doc, "PayeeAccount", &[wire(&payee_account())]);
    let registered = PayeeAccountStatus {
        account: Some(payee_account()),
        member_kana: "ミホン ハナコ".into(),
    };
    let none = PayeeAccountStatus {
        account: None,
        ..registered.clone()
    };
    assert_same_shape(
        &doc,
        "PayeeAccountStatus",
        &[wire(&registered), wire(&none)],
    );
    let problems: Vec<Value> = all_payee_fields()
        .into_iter()
        .zip(all_payee_errors().into_iter().cycle())
        .map(|(field, error)| wire(&PayeeProblem { field, error }))
        .collect();
    assert_same_shape(&doc, "PayeeProblem", &problems);
}

#[test]
fn amount_errors_match_the_document_both_ways() {
    let doc = doc();
    assert_tagged_union(&doc, "AmountError", "rule", &values(&all_amount_errors()));
}

#[test]
fn transfer_types_match_the_document() {
    let doc = doc();
    assert_same_shape(
        &doc,
        "TransferRequest",
        &[wire(&TransferRequest {
            amount: Yen(30_000),
        })],
    );
    assert_tagged_union(&doc, "Arrival", "when", &values(&all_arrivals()));
    let quotes: Vec<Value> = all_arrivals()
        .into_iter()
        .map(|arrival| {
            wire(&TransferQuote {
                amount: Yen(30_000),
                payee: payee_account(),
                arrival,
                balance_after: Yen(180_000),
                available_after: Yen(0),
            })
        })
        .collect();
    assert_same_shape(&doc, "TransferQuote", &quotes);
    let later = TransferReceipt {
        arrival: all_arrivals()[1],
        ..transfer_receipt()
    };
    assert_same_shape(
        &doc,
        "TransferReceipt",
        &[wire(&transfer_receipt()), wire(&later)],
    );
}

#[test]
fn repayment_types_match_the_document() {
    let doc = doc();
    assert_string_enum(&doc, "RepaymentState", &all_repayment_states());
    assert_string_enum(&doc, "BankDecision", &all_bank_decisions());
    let request = RepaymentRequest {
        amount: Yen(10_000),
        bank_code: "0005".into(),
        bank_name: "三菱ＵＦＪ銀行".into(),
    };
    assert_same_shape(&doc, "RepaymentRequest", &[wire(&request)]);
    let repayments = repayment_samples();
    let splits: Vec<Value> = repayments
        .iter()
        .filter_map(|r| r.split)
        .map(|s| wire(&s))
        .collect();
    assert_same_shape(&doc, "RepaymentSplit", &splits);
    assert_same_shape(&doc, "Repayment", &values(&repayments));
    let decisions: Vec<Value> = all_bank_decisions()
        .into_iter()
        .map(|decision| {
            wire(&BankDecisionRequest {
                id: "r26010700002".into(),
                decision,
            })
        })
        .collect();
    assert_same_shape(&doc, "BankDecisionRequest", &decisions);
}

#[test]
fn movement_lookups_match_the_document() {
    let doc = doc();
    let movements = vec![
        Movement::Transfer {
            receipt: transfer_receipt(),
        },
        Movement::Repayment {
            repayment: repayment_samples()[0].clone(),
        },
    ];
    for movement in &movements {
        match movement {
            Movement::Transfer { .. } | Movement::Repayment { .. } => {}
        }
    }
    assert_tagged_union(&doc, "Movement", "kind", &values(&movements));
    let mut lookups: Vec<Value> = movements
        .into_iter()
        .map(|m| wire(&MovementLookup { movement: Some(m) }))
        .collect();
    lookups.push(wire(&MovementLookup { movement: None }));
    assert_same_shape(&doc, "MovementLookup", &lookups);
}

/// `GET /repayments` and `GET /movements` each take one required query
/// parameter, named as the request type's field, and the server refuses
/// any other, as it does for the history.
#[test]
fn movement_queries_match_the_document() {
    let doc = doc();
    for (path, name) in [("/api/v1/repayments", "id"), ("/api/v1/movements", "key")] {
        let params = doc["paths"][path]["get"]["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(params.len(), 1, "{path}");
        assert_eq!(params[0]["in"], "query", "{path}");
        assert_eq!(params[0]["name"], name, "{path}");
        assert_eq!(params[0]["required"], true, "{path}");
        assert_eq!(params[0]["schema"]["type"], "string", "{path}");
    }
    let repayment = RepaymentQuery {
        id: "r26010700002".into(),
    };
    let wire_form = encode_request::<GetRepayment>(&repayment).unwrap_or_default();
    assert_eq!(wire_form, "id=r26010700002");
    assert_eq!(parse_query(&wire_form), Some(repayment));
    let movement = MovementQuery {
        key: "0123456789abcdef0123456789abcdef".into(),
    };
    let wire_form = encode_request::<GetMovement>(&movement).unwrap_or_default();
    assert_eq!(parse_query(&wire_form), Some(movement));
    assert_eq!(parse_query::<RepaymentQuery>(""), None, "id is required");
    assert_eq!(parse_query::<MovementQuery>(""), None, "key is required");
    assert_eq!(parse_query::<RepaymentQuery>("id=r1&page=2"), None);
    assert_eq!(parse_query::<MovementQuery>("key=k&page=2"), None);
}

/// Each money movement operation reads and answers the schemas named here.
#[test]
fn movement_operations_name_their_schemas() {
    let doc = doc();
    let table: [(&OpSpec, Option<&str>, &str); 8] = [
        (GetPayeeAccount::SPEC, None, "PayeeAccountStatus"),
        (
            RegisterPayeeAccount::SPEC,
            Some("PayeeAccountInput"),
            "PayeeAccount",
        ),
        (
            QuoteTransfer::SPEC,
            Some("TransferRequest"),
            "TransferQuote",
        ),
        (Transfer::SPEC, Some("TransferRequest"), "TransferReceipt"),
        (StartRepayment::SPEC, Some("RepaymentRequest"), "Repayment"),
        (GetRepayment::SPEC, None, "Repayment"),
        (
            DecideRepayment::SPEC,
            Some("BankDecisionRequest"),
            "Repayment",
        ),
        (GetMovement::SPEC, None, "MovementLookup"),
    ];
    for (spec, request, reply) in table {
        let op = documented_operation(&doc, spec);
        assert!(op["tags"]
            .as_array()
            .is_some_and(|t| t.contains(&json!("movements"))));
        let body = &op["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(body), request, "{}: request body", spec.name);
        let answer =
            &op["responses"][spec.status.to_string()]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(answer), Some(reply), "{}: reply", spec.name);
        // Every listed error response is one a movement can give.
        for status in op["responses"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(s, _)| s)
        {
            assert!(
                ["200", "201", "400", "401", "404", "409", "422", "500", "503"]
                    .contains(&status.as_str()),
                "{}: {status}",
                spec.name
            );
        }
        assert!(op["responses"].get("503").is_some(), "{}: 503", spec.name);
        assert!(op["responses"].get("500").is_some(), "{}: 500", spec.name);
    }
}

#[test]
fn test_control_bodies_match_the_server() {
    let doc = doc();
    let kinds = [
        FaultKind::Offline,
        FaultKind::Server,
        FaultKind::Timeout,
        FaultKind::Slow,
    ];
    for kind in &kinds {
        match kind {
            FaultKind::Offline | FaultKind::Server | FaultKind::Timeout | FaultKind::Slow => {}
        }
    }
    let injections: Vec<Value> = kinds
        .iter()
        .map(|&kind| wire(&FaultInjection { kind, count: 1 }))
        .collect();
    assert_same_shape(&doc, "FaultInjection", &injections);
    let described = schema(&doc, "FaultInjection");
    let names: BTreeSet<String> = kinds
        .iter()
        .map(|k| wire(k).as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(strings(&described["properties"]["kind"]["enum"]), names);
    assert_eq!(described["properties"]["count"]["minimum"], 1);
    assert_eq!(
        described["properties"]["count"]["maximum"],
        portal_server::faults::MAX_FAULT_COUNT
    );
    let body = &doc["paths"]["/api/v1/test/faults"]["put"]["requestBody"]["content"]
        ["application/json"]["schema"];
    assert_eq!(ref_name(body), Some("FaultInjection"));

    let mail = fake_lender::movements::Mail {
        to: "card7890@example.com".into(),
        at: instant(WEDNESDAY_NOON_JST_MS + 5),
        subject: "お振込受付のお知らせ".into(),
        body: "見本 花子 様\n\n…".into(),
    };
    assert_eq!(wire(&mail)["at"], json!(WEDNESDAY_NOON_JST_MS + 5));
    assert_same_shape(&doc, "Mail", &[wire(&mail)]);
    let mailbox = &doc["paths"]["/api/v1/test/mailbox"]["get"]["responses"]["200"]["content"]
        ["application/json"]["schema"];
    assert_eq!(mailbox["type"], "array");
    assert_eq!(ref_name(&mailbox["items"]), Some("Mail"));
}

// ---- registration and password reset ----

fn all_code_ends() -> Vec<CodeEnd> {
    let all = vec![CodeEnd::Expired, CodeEnd::TooManyTries, CodeEnd::Unknown];
    for end in &all {
        match end {
            CodeEnd::Expired | CodeEnd::TooManyTries | CodeEnd::Unknown => {}
        }
    }
    all
}

#[test]
fn recovery_types_match_the_document() {
    let doc = doc();
    assert_same_shape(
        &doc,
        "RegistrationCodeRequest",
        &[wire(&RegistrationCodeRequest {
            member_number: "123456789".into(),
            email: "taro@example.com".into(),
        })],
    );
    assert_same_shape(
        &doc,
        "ResetCodeRequest",
        &[wire(&ResetCodeRequest {
            web_id: "demo0001".into(),
            email: "demo0001@example.com".into(),
        })],
    );
    assert_same_shape(
        &doc,
        "CodeSent",
        &[wire(&CodeSent {
            challenge: "0123456789abcdef0123456789abcdef".into(),
            expires_at: chrono::DateTime::from_timestamp(1_795_000_600, 0).unwrap_or_default(),
        })],
    );
    assert_same_shape(
        &doc,
        "VerifyCodeRequest",
        &[wire(&VerifyCodeRequest {
            challenge: "0123456789abcdef0123456789abcdef".into(),
            code: "123456".into(),
        })],
    );
    assert_same_shape(
        &doc,
        "RegistrationRequest",
        &[wire(&RegistrationRequest {
            challenge: "0123456789abcdef0123456789abcdef".into(),
            web_id: "taro2026".into(),
            password: "Yamada2026".into(),
        })],
    );
    assert_same_shape(
        &doc,
        "PasswordResetRequest",
        &[wire(&PasswordResetRequest {
            challenge: "0123456789abcdef0123456789abcdef".into(),
            password: "Yamada2026".into(),
        })],
    );
    assert_same_shape(
        &doc,
        "Registered",
        &[wire(&Registered {
            web_id: "taro2026".into(),
        })],
    );
    let ends: BTreeSet<String> = all_code_ends()
        .iter()
        .map(|e| wire(e).as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        strings(&schema(&doc, "ErrorCodeEnded")["properties"]["why"]["enum"]),
        ends
    );
}

// ---- e-mail address, WEB-ID and password (SPEC S12) ----

#[test]
fn credential_types_match_the_document() {
    use portal_api::{
        EmailChangeRequest, EmailChanged, EmailCodeRequest, LoginChangeRequest, LoginChanged,
    };
    let doc = doc();
    assert_same_shape(
        &doc,
        "EmailCodeRequest",
        &[wire(&EmailCodeRequest {
            email: "hanako@example.jp".into(),
        })],
    );
    assert_same_shape(
        &doc,
        "EmailChangeRequest",
        &[wire(&EmailChangeRequest {
            challenge: "0123456789abcdef0123456789abcdef".into(),
            code: "123456".into(),
        })],
    );
    let changed = |previous: Option<&str>| EmailChanged {
        email: "hanako@example.jp".into(),
        previous: previous.map(str::to_owned),
    };
    assert_same_shape(
        &doc,
        "EmailChanged",
        &[
            wire(&changed(Some("demo0001@example.com"))),
            wire(&changed(None)),
        ],
    );
    let request = |password: Option<&str>| LoginChangeRequest {
        current_secret: "Passw0rd".into(),
        web_id: "demo0001".into(),
        password: password.map(str::to_owned),
    };
    assert_same_shape(
        &doc,
        "LoginChangeRequest",
        &[wire(&request(Some("NewPass2026"))), wire(&request(None))],
    );
    let changed = |previous: Option<&str>, password_changed| LoginChanged {
        web_id: "hanako2026".into(),
        previous_web_id: previous.map(str::to_owned),
        password_changed,
    };
    assert_same_shape(
        &doc,
        "LoginChanged",
        &[
            wire(&changed(Some("demo0001"), false)),
            wire(&changed(None, true)),
        ],
    );
}

// ---- reminder e-mail ----

fn all_reminder_timings() -> Vec<portal_api::ReminderTiming> {
    use portal_api::ReminderTiming::*;
    let all = vec![OnDueDate, DaysBefore1, DaysBefore3, DaysBefore5];
    for timing in &all {
        match timing {
            OnDueDate | DaysBefore1 | DaysBefore3 | DaysBefore5 => {}
        }
    }
    assert_eq!(all, portal_api::ReminderTiming::ALL);
    all
}

fn reminder_hour(h: u8) -> portal_api::ReminderHour {
    portal_api::ReminderHour::new(h).unwrap_or_else(|| panic!("hour {h}"))
}

#[test]
fn reminder_types_match_the_document() {
    use portal_api::{ReminderSetting, ReminderStatus, ReminderTiming};
    let doc = doc();
    assert_string_enum(&doc, "ReminderTiming", &all_reminder_timings());
    let hours: Vec<Value> = [0, 9, 23].map(|h| wire(&reminder_hour(h))).to_vec();
    for hour in &hours {
        validate(&doc, schema(&doc, "ReminderHour"), hour, "ReminderHour")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    for outside in [json!(24), json!(-1), json!("9")] {
        assert!(
            validate(&doc, schema(&doc, "ReminderHour"), &outside, "ReminderHour").is_err(),
            "{outside} must be refused"
        );
    }
    let settings: Vec<Value> = all_reminder_timings()
        .into_iter()
        .zip([true, false].into_iter().cycle())
        .map(|(timing, enabled)| {
            wire(&ReminderSetting {
                enabled,
                timing,
                hour: reminder_hour(8),
            })
        })
        .collect();
    assert_same_shape(&doc, "ReminderSetting", &settings);
    let on = ReminderStatus {
        enabled: true,
        timing: ReminderTiming::DaysBefore3,
        hour: reminder_hour(9),
        email: Some("demo0001@example.com".into()),
        next_due_date: NaiveDate::from_ymd_opt(2026, 12, 7),
        next_send_at: Some(datetime("2026-12-04T09:00:00")),
    };
    let nothing_due = ReminderStatus {
        enabled: false,
        email: None,
        next_due_date: None,
        next_send_at: None,
        ..on.clone()
    };
    assert_same_shape(&doc, "ReminderStatus", &[wire(&on), wire(&nothing_due)]);
    let path = &doc["paths"]["/api/v1/reminder"];
    for (method, body) in [("get", None), ("put", Some("ReminderSetting"))] {
        let op = &path[method];
        let answer = &op["responses"]["200"]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(answer), Some("ReminderStatus"), "{method}");
        let request = &op["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(request), body, "{method}");
        assert!(strings(&op["tags"]).contains("services"), "{method}");
    }
}

// ---- points ----

fn all_point_kinds() -> Vec<PointKind> {
    use PointKind::*;
    let all = vec![JoinBonus, MonthlyBonus, Exchange];
    for kind in &all {
        match kind {
            JoinBonus | MonthlyBonus | Exchange => {}
        }
    }
    all
}

fn all_exchange_items() -> Vec<ExchangeItem> {
    use ExchangeItem::*;
    let all = vec![Repayment, DigitalGift500, EcoBag, DigitalGift1000];
    for item in &all {
        match item {
            Repayment | DigitalGift500 | EcoBag | DigitalGift1000 => {}
        }
    }
    assert_eq!(all, portal_domain::points::CATALOGUE);
    all
}

fn all_exchange_errors() -> Vec<ExchangeError> {
    use ExchangeError::*;
    let all = vec![
        Required,
        NotANumber,
        BelowMinimum { minimum: 100 },
        OverOwed { owed: Yen(300) },
        NothingOwed,
        Insufficient { balance: 120 },
        NotJoined,
    ];
    for error in &all {
        match error {
            Required
            | NotANumber
            | BelowMinimum { .. }
            | OverOwed { .. }
            | NothingOwed
            | Insufficient { .. }
            | NotJoined => {}
        }
    }
    all
}

#[test]
fn points_types_match_the_document() {
    let doc = doc();
    assert_string_enum(&doc, "PointKind", &all_point_kinds());
    assert_string_enum(&doc, "ExchangeItem", &all_exchange_items());
    // The refusal travels flat (`rule` and its figure), both ways.
    assert_tagged_union(
        &doc,
        "ExchangeError",
        "rule",
        &values(&all_exchange_errors()),
    );
    for value in values(&all_exchange_errors()) {
        let back: Option<ExchangeError> = serde_json::from_value(value.clone()).ok();
        assert_eq!(back.map(|e| wire(&e)), Some(value));
    }

    let join = PointEntry {
        at: instant(WEDNESDAY_NOON_JST_MS),
        kind: PointKind::JoinBonus,
        points: 100,
        item: None,
        reception_number: None,
    };
    let exchange = PointEntry {
        at: instant(WEDNESDAY_NOON_JST_MS + 3),
        kind: PointKind::Exchange,
        points: -800,
        item: Some(ExchangeItem::EcoBag),
        reception_number: Some("P26010700001".into()),
    };
    let entries = [join.clone(), exchange.clone()];
    assert_same_shape(&doc, "PointEntry", &values(&entries));
    let joined = PointsStatus {
        joined: true,
        balance: 450,
        history: vec![exchange, join],
    };
    let not_joined = PointsStatus {
        joined: false,
        balance: 0,
        history: vec![],
    };
    assert_same_shape(&doc, "PointsStatus", &[wire(&joined), wire(&not_joined)]);

    let goods = ExchangeReceipt {
        reception_number: "P26010700001".into(),
        item: ExchangeItem::EcoBag,
        points: 800,
        balance_after: 450,
        repayment: None,
    };
    let repayment = ExchangeReceipt {
        reception_number: "P26010700002".into(),
        item: ExchangeItem::Repayment,
        points: 300,
        balance_after: 150,
        repayment: repayment_samples()[1].split,
    };
    assert!(repayment.repayment.is_some());
    assert_same_shape(&doc, "ExchangeReceipt", &[wire(&goods), wire(&repayment)]);

    // The request's `points` may be left out (goods), so it is the one
    // property not required; serde writes it, as `null` for goods, and
    // reads its absence as `None`.
    let described = schema(&doc, "ExchangeRequest");
    let toward = ExchangeRequest {
        item: ExchangeItem::Repayment,
        points: Some(300),
    };
    let bag = ExchangeRequest {
        item: ExchangeItem::EcoBag,
        points: None,
    };
    assert_eq!(property_names(described), keys(&wire(&toward)));
    assert_eq!(
        strings(&described["required"]),
        BTreeSet::from(["item".to_owned()])
    );
    assert_eq!(described["additionalProperties"], Value::Bool(false));
    for sample in [wire(&toward), wire(&bag), json!({"item": "eco_bag"})] {
        validate(&doc, described, &sample, "ExchangeRequest").unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(
        serde_json::from_value::<ExchangeRequest>(json!({"item": "eco_bag"})).ok(),
        Some(bag)
    );
    assert!(
        serde_json::from_value::<ExchangeRequest>(json!({"item": "eco_bag", "at": 1})).is_err()
    );

    // Each operation names its schemas, under the services tag.
    let table: [(&OpSpec, Option<&str>, &str); 3] = [
        (GetPoints::SPEC, None, "PointsStatus"),
        (JoinPoints::SPEC, None, "PointsStatus"),
        (
            ExchangePoints::SPEC,
            Some("ExchangeRequest"),
            "ExchangeReceipt",
        ),
    ];
    for (spec, request, reply) in table {
        let op = documented_operation(&doc, spec);
        assert!(
            strings(&op["tags"]).contains("services"),
            "{}: tag",
            spec.name
        );
        let body = &op["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(body), request, "{}: request body", spec.name);
        let answer =
            &op["responses"][spec.status.to_string()]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(answer), Some(reply), "{}: reply", spec.name);
        assert!(op["responses"].get("503").is_some(), "{}: 503", spec.name);
        assert!(op["responses"].get("500").is_some(), "{}: 500", spec.name);
    }
    let exchange = documented_operation(&doc, ExchangePoints::SPEC);
    let error_of = |status: &str| {
        ref_name(&exchange["responses"][status]["content"]["application/json"]["schema"])
            .map(str::to_owned)
    };
    assert_eq!(error_of("422").as_deref(), Some("ErrorExchangeRefused"));
    assert_eq!(error_of("409").as_deref(), Some("ErrorIdempotencyConflict"));
    assert_eq!(
        ref_name(&exchange["responses"]["400"]),
        Some("InvalidInput")
    );
}

// ---- settings and credit line ----

#[test]
fn profile_and_repayment_day_types_match_the_document() {
    use portal_api::{AddressView, EmployerView, Profile, RepaymentDay, RepaymentDayChanged};
    let doc = doc();
    let days = [
        RepaymentDay::Fifth,
        RepaymentDay::Fifteenth,
        RepaymentDay::TwentyFifth,
        RepaymentDay::LastDay,
    ];
    assert_string_enum(&doc, "RepaymentDay", &days);
    let address: AddressView = serde_json::from_value(json!({
        "postal_code": "123-4567", "prefecture": 13, "city": "千代田区",
        "street": "丸の内1-1-1", "building": null
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let employer: EmployerView = serde_json::from_value(json!({
        "name": "見本商事", "phone": "0312345678", "department": "営業部"
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let full = Profile {
        name: "見本 太一".into(),
        kana: "ミホン タイチ".into(),
        email: Some("demo0001@example.com".into()),
        web_id: Some("demo0001".into()),
        card_member: false,
        repayment_day: RepaymentDay::Fifth,
        next_due_date: NaiveDate::from_ymd_opt(2026, 12, 7),
        overdue: false,
        address: Some(address),
        employer: Some(employer),
        prepaid_card: Some("**** **** **** 1111".into()),
    };
    let bare = Profile {
        email: None,
        web_id: None,
        card_member: true,
        next_due_date: None,
        overdue: true,
        address: None,
        employer: None,
        prepaid_card: None,
        ..full.clone()
    };
    assert_same_shape(&doc, "Profile", &[wire(&full), wire(&bare)]);
    let changed = RepaymentDayChanged {
        day: RepaymentDay::LastDay,
        next_due_date: NaiveDate::from_ymd_opt(2027, 1, 4),
    };
    let later = RepaymentDayChanged {
        next_due_date: None,
        ..changed
    };
    assert_same_shape(&doc, "RepaymentDayChanged", &[wire(&changed), wire(&later)]);
}

#[test]
fn credit_line_types_match_the_document() {
    use portal_api::{
        CreditLineStatus, EmploymentKind, LineField, LineProblem, LineRequest, LineRule,
        ReviewStatus,
    };
    let doc = doc();
    assert_string_enum(
        &doc,
        "ReviewStatus",
        &[
            ReviewStatus::Received,
            ReviewStatus::Reviewing,
            ReviewStatus::Approved,
            ReviewStatus::Refused,
            ReviewStatus::DocumentsNeeded,
        ],
    );
    assert_string_enum(&doc, "EmploymentKind", &EmploymentKind::ALL);
    let open = LineRequest {
        reception_number: "L26112500001".into(),
        requested_at: instant(WEDNESDAY_NOON_JST_MS),
        current_line: Yen(500_000),
        desired_line: Yen(1_000_000),
        status: ReviewStatus::Reviewing,
        expected_at: Some(datetime("2026-11-25T18:00:00")),
        decided_at: None,
        proof_required: true,
        new_apr_percent: None,
    };
    let approved = LineRequest {
        status: ReviewStatus::Approved,
        expected_at: None,
        decided_at: Some(instant(WEDNESDAY_NOON_JST_MS)),
        new_apr_percent: Some("15".into()),
        ..open.clone()
    };
    assert_same_shape(&doc, "LineRequest", &[wire(&open), wire(&approved)]);
    let status = CreditLineStatus {
        line: Yen(500_000),
        balance: Yen(150_000),
        apr_percent: "17.8".into(),
        smallest_line: Yen(150_000),
        max_line: Yen(5_000_000),
        request: Some(open),
    };
    let none = CreditLineStatus {
        request: None,
        ..status.clone()
    };
    assert_same_shape(&doc, "CreditLineStatus", &[wire(&status), wire(&none)]);
    let problems: Vec<Value> = [
        LineProblem::new(LineField::Employment, LineRule::Required),
        LineProblem::with(LineField::NewLine, LineRule::BelowBalance, Yen(160_000)),
    ]
    .iter()
    .map(wire)
    .collect();
    assert_same_shape(&doc, "LineProblem", &problems);
}

/// Every `ProfileField`; the match fails to compile when a variant is added.
fn all_profile_fields() -> Vec<ProfileField> {
    use ProfileField::*;
    let all = vec![
        PostalCode,
        Prefecture,
        City,
        Street,
        Building,
        EmployerName,
        EmployerPhone,
        Department,
        PrepaidCard,
    ];
    for field in &all {
        match field {
            PostalCode | Prefecture | City | Street | Building | EmployerName | EmployerPhone
            | Department | PrepaidCard => {}
        }
    }
    all
}

/// Every `ProfileRule`; the match fails to compile when a variant is added.
fn all_profile_rules() -> Vec<ProfileRule> {
    use ProfileRule::*;
    let all = vec![
        Required,
        NotDigits,
        Length,
        Prefix,
        Checksum,
        TooLong,
        ForbiddenCharacter,
    ];
    for rule in &all {
        match rule {
            Required | NotDigits | Length | Prefix | Checksum | TooLong | ForbiddenCharacter => {}
        }
    }
    all
}

#[test]
fn contact_types_match_the_document() {
    let doc = doc();
    assert_string_enum(&doc, "ProfileField", &all_profile_fields());
    assert_string_enum(&doc, "ProfileRule", &all_profile_rules());
    let problems: Vec<Value> = all_profile_fields()
        .into_iter()
        .flat_map(|field| {
            all_profile_rules()
                .into_iter()
                .map(move |error| wire(&ProfileProblem { field, error }))
        })
        .collect();
    assert_same_shape(&doc, "ProfileProblem", &problems);

    let typed = AddressInput {
        postal_code: "１００－０００５".into(),
        prefecture: 13,
        city: "千代田区".into(),
        street: "丸の内１－２－３".into(),
        building: String::new(),
    };
    assert_same_shape(&doc, "AddressInput", &[wire(&typed)]);
    let view = AddressView {
        postal_code: parse_postal_code("100-0005").unwrap_or_else(|e| panic!("{e:?}")),
        prefecture: Prefecture::Tokyo,
        city: "千代田区".into(),
        street: "丸の内１－２－３".into(),
        building: None,
    };
    let with_building = AddressView {
        prefecture: Prefecture::Okinawa,
        building: Some("サンプルハイツ101".into()),
        ..view.clone()
    };
    assert_same_shape(&doc, "AddressView", &values(&[&view, &with_building]));
    let changed = [true, false].map(|changed| {
        wire(&AddressChanged {
            address: with_building.clone(),
            changed,
        })
    });
    assert_same_shape(&doc, "AddressChanged", &changed);

    let employer = EmployerInput {
        name: "株式会社サンプル商事".into(),
        phone: "(03)1234-5678".into(),
        department: String::new(),
    };
    assert_same_shape(&doc, "EmployerInput", &[wire(&employer)]);
    let views = [None, Some("営業部".to_owned())].map(|department| EmployerView {
        name: "株式会社サンプル商事".into(),
        phone: parse_phone("090-1234-5678").unwrap_or_else(|e| panic!("{e:?}")),
        department,
    });
    assert_same_shape(&doc, "EmployerView", &values(&views));
    let employer_changed = EmployerChanged {
        employer: views[1].clone(),
        changed: true,
    };
    assert_same_shape(&doc, "EmployerChanged", &[wire(&employer_changed)]);

    let card = PrepaidCardInput {
        number: "4111 1111 1111 1111".into(),
    };
    assert_same_shape(&doc, "PrepaidCardInput", &[wire(&card)]);
    let registered = PrepaidCardRegistered {
        masked: "**** **** **** 1111".into(),
        changed: false,
    };
    assert_same_shape(&doc, "PrepaidCardRegistered", &[wire(&registered)]);

    // The documented examples are requests the lender accepts.
    for (spec, request) in [
        (ChangeAddress::SPEC, "AddressInput"),
        (ChangeEmployer::SPEC, "EmployerInput"),
        (RegisterPrepaidCard::SPEC, "PrepaidCardInput"),
    ] {
        let op = documented_operation(&doc, spec);
        let body = &op["requestBody"]["content"]["application/json"];
        assert_eq!(ref_name(&body["schema"]), Some(request), "{}", spec.name);
        for example in body["examples"].as_object().into_iter().flatten() {
            let value = &example.1["value"];
            validate(&doc, schema(&doc, request), value, request)
                .unwrap_or_else(|e| panic!("{}: {e}", spec.name));
            let valid = match request {
                "AddressInput" => serde_json::from_value::<AddressInput>(value.clone())
                    .map(|i| i.validate().is_ok()),
                "EmployerInput" => serde_json::from_value::<EmployerInput>(value.clone())
                    .map(|i| i.validate().is_ok()),
                _ => serde_json::from_value::<PrepaidCardInput>(value.clone())
                    .map(|i| i.validate().is_ok()),
            };
            assert_eq!(
                valid.ok(),
                Some(true),
                "{}: example {}",
                spec.name,
                example.0
            );
        }
    }
}

#[test]
fn contact_operations_name_their_schemas() {
    let doc = doc();
    let table: [(&OpSpec, &str); 3] = [
        (ChangeAddress::SPEC, "AddressChanged"),
        (ChangeEmployer::SPEC, "EmployerChanged"),
        (RegisterPrepaidCard::SPEC, "PrepaidCardRegistered"),
    ];
    for (spec, reply) in table {
        let op = documented_operation(&doc, spec);
        assert!(
            strings(&op["tags"]).contains("settings"),
            "{}: tag",
            spec.name
        );
        let answer =
            &op["responses"][spec.status.to_string()]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(answer), Some(reply), "{}: reply", spec.name);
        let refused = resolve(&doc, &op["responses"]["422"]);
        assert_eq!(
            ref_name(&refused["content"]["application/json"]["schema"]),
            Some("ErrorProfileRefused"),
            "{}: 422",
            spec.name
        );
        for status in ["400", "401", "500", "503"] {
            assert!(
                op["responses"].get(status).is_some(),
                "{}: {status}",
                spec.name
            );
        }
    }
}

// ---- documents ----

fn all_document_errors() -> Vec<DocumentError> {
    let all = vec![
        DocumentError::Empty,
        DocumentError::TooLarge,
        DocumentError::WrongType,
        DocumentError::Truncated,
        DocumentError::NoPages,
        DocumentError::TooManyPages,
        DocumentError::SubmissionTooLarge,
    ];
    // A new variant is a compile error here until it is listed above.
    for e in &all {
        match e {
            DocumentError::Empty
            | DocumentError::TooLarge
            | DocumentError::WrongType
            | DocumentError::Truncated
            | DocumentError::NoPages
            | DocumentError::TooManyPages
            | DocumentError::SubmissionTooLarge => {}
        }
    }
    all
}

#[test]
fn document_types_match_the_document() {
    let doc = doc();
    assert_string_enum(&doc, "DocumentKind", &DocumentKind::ALL);
    let statuses = [
        DocumentStatus::Received,
        DocumentStatus::Checking,
        DocumentStatus::Verified,
        DocumentStatus::Deficient,
    ];
    for s in statuses {
        match s {
            DocumentStatus::Received
            | DocumentStatus::Checking
            | DocumentStatus::Verified
            | DocumentStatus::Deficient => {}
        }
    }
    assert_string_enum(&doc, "DocumentStatus", &statuses);
    assert_string_enum(
        &doc,
        "FileType",
        &[FileType::Jpeg, FileType::Png, FileType::Pdf],
    );
    assert_string_enum(&doc, "DocumentError", &all_document_errors());
    let problems = [
        DocumentProblem {
            page: None,
            error: DocumentError::NoPages,
        },
        DocumentProblem {
            page: Some(2),
            error: DocumentError::Truncated,
        },
    ];
    assert_same_shape(&doc, "DocumentProblem", &values(&problems));
    let pages = [
        PageInfo {
            file_type: FileType::Jpeg,
            bytes: 412_345,
        },
        PageInfo {
            file_type: FileType::Pdf,
            bytes: 10_485_760,
        },
    ];
    assert_same_shape(&doc, "PageInfo", &values(&pages));
    let submitted = SubmittedDocument {
        reception_number: "D26010700001".into(),
        kind: DocumentKind::IncomeProof,
        submitted_at: instant(WEDNESDAY_NOON_JST_MS),
        pages: pages.to_vec(),
        status: DocumentStatus::Received,
    };
    assert_same_shape(&doc, "SubmittedDocument", &[wire(&submitted)]);

    // The form: its parts are the upload's `FormRequest` parts.
    let form = portal_api::FormRequest::into_form(DocumentUpload {
        kind: DocumentKind::IdentityDocument,
        pages: vec![vec![1], vec![2]],
    });
    let part_names: BTreeSet<String> = form.parts.iter().map(|p| p.name.clone()).collect();
    let upload = schema(&doc, "DocumentUpload");
    assert_eq!(property_names(upload), part_names);
    assert_eq!(strings(&upload["required"]), part_names);
    assert_eq!(
        upload["properties"]["page"]["maxItems"],
        json!(portal_domain::documents::MAX_PAGES)
    );
    assert_eq!(
        schema(&doc, "PageInfo")["properties"]["bytes"]["maximum"],
        json!(portal_domain::documents::MAX_DOCUMENT_BYTES)
    );

    // Each operation names its schemas, under the documents tag.
    let list = documented_operation(&doc, portal_api::ops::GetDocuments::SPEC);
    assert!(strings(&list["tags"]).contains("documents"));
    assert_eq!(
        ref_name(&list["responses"]["200"]["content"]["application/json"]["schema"]["items"]),
        Some("SubmittedDocument")
    );
    let submit = documented_operation(&doc, portal_api::ops::SubmitDocuments::SPEC);
    assert!(strings(&submit["tags"]).contains("documents"));
    assert_eq!(
        ref_name(&submit["requestBody"]["content"]["multipart/form-data"]["schema"]),
        Some("DocumentUpload")
    );
    let answer = |status: &str| {
        ref_name(&submit["responses"][status]["content"]["application/json"]["schema"])
            .map(str::to_owned)
    };
    assert_eq!(answer("201").as_deref(), Some("SubmittedDocument"));
    assert_eq!(answer("409").as_deref(), Some("ErrorIdempotencyConflict"));
    assert_eq!(answer("413").as_deref(), Some("ErrorTooLarge"));
    assert_eq!(answer("422").as_deref(), Some("ErrorDocumentRefused"));
}
