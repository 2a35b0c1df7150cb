//! Choosing a financial institution and one of its branches (SPEC S8 payee accounts, S9
//! internet repayment).
//!
//! The lists are static files written by `scripts/banks.mjs` (`/banks/institutions.json`,
//! `/banks/branches/<code>.json`), fetched the first time a picker is shown, never inside the
//! wasm, and kept for the rest of the visit; they are public data, not the lender's, so the
//! pickers fetch them themselves and still never hold the backend. The search itself is the
//! domain's (`portal_domain::institution`), run on every keystroke.
//!
//! [`InstitutionPicker`] is a group named 金融機関 with the search field 金融機関を検索, the kana
//! initial rows あ行 … わ行 (toggle buttons) and the results as buttons named after each
//! institution; [`BranchPicker`] is the field 支店 and its results. Both list at most
//! [`SHOWN`] results and count the rest in a polite live region; the arrow keys move from the
//! field into the results and between them, Escape goes back to the field. A choice is reported
//! through `on_pick` and shown with a 変更 button that opens the search again.

mod texts;

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use crate::browser;
use crate::components::load_error::{loading_line, reactive_view};
use crate::i18n::{common, use_i18n};
use crate::read::Read;
use leptos::ev;
use leptos::prelude::*;
use portal_api::BackendError;
use portal_domain::institution::{Branch, BranchIndex, DataError, Institution, InstitutionIndex};
use portal_domain::kana::{search_key, KanaRow};
pub use texts::Texts;
use texts::{tr, tr_with};
use wasm_bindgen::JsCast;

/// Results listed at once; the rest are counted, and typing more finds them.
pub const SHOWN: usize = 30;
/// How long a data file may take, body included, before the picker offers a retry.
const FETCH_TIMEOUT_MS: u32 = 15_000;
const INSTITUTIONS_URL: &str = "/banks/institutions.json";

/// Why a data file could not be had. The member sees one message with a retry; the detail goes
/// to the console.
#[derive(Clone, Debug, PartialEq)]
enum FetchError {
    Network,
    Timeout,
    Status(u16),
    Data(DataError),
    /// A branch list was asked for with something other than a 4-digit institution code.
    BadCode(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network => f.write_str("network failure"),
            FetchError::Timeout => write!(f, "no answer within {FETCH_TIMEOUT_MS} ms"),
            FetchError::Status(status) => write!(f, "HTTP {status}"),
            FetchError::Data(error) => error.fmt(f),
            FetchError::BadCode(code) => write!(f, "{code:?} is not an institution code"),
        }
    }
}

impl FetchError {
    /// As a read's failure (the picker's lists load through
    /// [`Read`]): the member sees the same retry for each.
    fn for_read(self) -> BackendError {
        match self {
            FetchError::Network => BackendError::Offline,
            FetchError::Timeout => BackendError::Timeout,
            FetchError::Status(_) => BackendError::Malformed,
            // `fetch_text` told the console about the others.
            FetchError::Data(_) | FetchError::BadCode(_) => {
                web_sys::console::warn_1(&self.to_string().into());
                BackendError::Malformed
            }
        }
    }
}

thread_local! {
    /// The lists fetched so far, by URL: the institutions, and each
    /// institution's branches. Every later picker of the visit reuses them.
    /// A visit looks at a few lists, so a `Vec` searched in order is enough.
    static LISTS: RefCell<Vec<(String, List)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches a static file of the app's own origin as text. The timeout covers the body too,
/// so a stalled answer ends in a retry button instead of a loading line for ever.
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Network)?;
    let signal = controller.signal();
    let finished = Rc::new(Cell::new(false));
    let timed_out = Rc::new(Cell::new(false));
    {
        let (finished, timed_out) = (Rc::clone(&finished), Rc::clone(&timed_out));
        wasm_bindgen_futures::spawn_local(async move {
            browser::sleep_ms(FETCH_TIMEOUT_MS).await;
            if !finished.get() {
                timed_out.set(true);
                controller.abort();
            }
        });
    }
    let outcome = async {
        let response = gloo_net::http::Request::get(url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| None)?;
        if !response.ok() {
            return Err(Some(response.status()));
        }
        response.text().await.map_err(|_| None)
    }
    .await;
    finished.set(true);
    let outcome = outcome.map_err(|status| match status {
        Some(status) => FetchError::Status(status),
        None if timed_out.get() => FetchError::Timeout,
        None => FetchError::Network,
    });
    if let Err(error) = &outcome {
        web_sys::console::warn_1(&format!("{url}: {error}").into());
    }
    outcome
}

/// How a list's text becomes the index a picker searches.
type Parse = fn(&str) -> Result<List, DataError>;

/// Where one institution's branch list is. The code becomes part of a URL,
/// so only a real institution code is accepted.
fn branches_url(code: &str) -> Result<String, FetchError> {
    if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(format!("/banks/branches/{code}.json"))
    } else {
        Err(FetchError::BadCode(code.to_owned()))
    }
}

/// The list at `url`, fetched and indexed once per visit. Both pickers
/// load through this one function, so the browser's chunk carries one
/// loading path; each picker brings its own `parse`, so a page with only
/// the institution picker carries no branch index.
async fn load_list(url: String, parse: Parse) -> Result<List, FetchError> {
    let cached = LISTS.with(|lists| {
        let lists = lists.borrow();
        lists
            .iter()
            .find(|(at, _)| *at == url)
            .map(|(_, list)| Rc::clone(list))
    });
    if let Some(list) = cached {
        return Ok(list);
    }
    let text = fetch_text(&url).await?;
    let list = parse(&text).map_err(FetchError::Data)?;
    LISTS.with(|lists| lists.borrow_mut().push((url, Rc::clone(&list))));
    Ok(list)
}

/// A read of a list, for either picker.
fn list_read(url: Result<String, FetchError>, parse: Parse) -> Read<List> {
    Read::new(move || {
        let url = url.clone();
        async move {
            match url {
                Ok(url) => load_list(url, parse).await,
                Err(e) => Err(e),
            }
            .map_err(FetchError::for_read)
        }
    })
}

/// A result as a list shows it, and what a picker reports when the member
/// chooses it: the code and the name (the pages need no more).
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub code: String,
    pub name: String,
    kana: String,
}

impl From<&Institution> for Choice {
    fn from(i: &Institution) -> Choice {
        Choice {
            code: i.code.clone(),
            name: i.name.clone(),
            kana: i.kana.clone(),
        }
    }
}

impl From<&Branch> for Choice {
    fn from(b: &Branch) -> Choice {
        Choice {
            code: b.code.clone(),
            name: b.name.clone(),
            kana: b.kana.clone(),
        }
    }
}

/// What a search found: the first [`SHOWN`] results and how many there are in all.
#[derive(Clone, Debug, PartialEq, Default)]
struct Found {
    shown: Vec<Choice>,
    total: usize,
}

impl Found {
    fn of<'a, T: 'a>(all: Vec<&'a T>) -> Found
    where
        Choice: From<&'a T>,
    {
        Found {
            total: all.len(),
            shown: all.into_iter().take(SHOWN).map(Choice::from).collect(),
        }
    }
}

/// A loaded list a picker searches: the institutions, or one institution's
/// branches. Both pickers are one [`picker`] over this, so the browser's
/// chunk carries the picker once.
trait Searchable {
    /// What the picker lists for a query and a kana row (institutions only).
    fn found(&self, query: &str, row: Option<KanaRow>) -> Found;
    /// The entry with this code.
    fn choice(&self, code: &str) -> Option<Choice>;
    fn is_empty(&self) -> bool;
}

impl Searchable for InstitutionIndex {
    fn found(&self, query: &str, row: Option<KanaRow>) -> Found {
        Found::of(self.find(query, row))
    }
    fn choice(&self, code: &str) -> Option<Choice> {
        self.get(code).map(Choice::from)
    }
    fn is_empty(&self) -> bool {
        InstitutionIndex::is_empty(self)
    }
}

impl Searchable for BranchIndex {
    fn found(&self, query: &str, _: Option<KanaRow>) -> Found {
        Found::of(self.find(query))
    }
    fn choice(&self, code: &str) -> Option<Choice> {
        self.get(code).map(Choice::from)
    }
    fn is_empty(&self) -> bool {
        BranchIndex::is_empty(self)
    }
}

type List = Rc<dyn Searchable>;

/// A text of this module's table.
type Pick = fn(&'static Texts) -> &'static str;

/// Which picker a shared part belongs to, for its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Institution,
    Branch,
}

impl Kind {
    fn search_label(self) -> Pick {
        match self {
            Kind::Institution => |t| t.institution_search,
            Kind::Branch => |t| t.branch_search,
        }
    }

    fn hint(self) -> Pick {
        match self {
            Kind::Institution => |t| t.institution_hint,
            Kind::Branch => |t| t.branch_hint,
        }
    }

    fn failed(self) -> Pick {
        match self {
            Kind::Institution => |t| t.institution_failed,
            Kind::Branch => |t| t.branch_failed,
        }
    }

    fn chosen(self) -> Pick {
        match self {
            Kind::Institution => |t| t.institution_chosen,
            Kind::Branch => |t| t.branch_chosen,
        }
    }

    fn change(self) -> Pick {
        match self {
            Kind::Institution => |t| t.change_institution,
            Kind::Branch => |t| t.change_branch,
        }
    }

    /// The kana reading and the code, the second line of a result.
    fn detail(self, t: &Texts, choice: &Choice) -> String {
        let code = match self {
            Kind::Institution => (t.institution_code)(&choice.code),
            Kind::Branch => (t.branch_code)(&choice.code),
        };
        format!("{}　{code}", choice.kana)
    }

    /// What the live region says: how many were found, or what to do.
    /// `asked` is whether a query was typed or a row chosen.
    fn status(self, t: &Texts, list: &dyn Searchable, asked: bool, total: usize) -> String {
        match self {
            Kind::Institution if !asked => t.institution_prompt.to_owned(),
            Kind::Institution if total == 0 => t.institution_none.to_owned(),
            Kind::Institution => (t.institution_count)(total),
            Kind::Branch if list.is_empty() => t.branch_empty.to_owned(),
            Kind::Branch if !asked => (t.branch_all)(total),
            Kind::Branch if total == 0 => t.branch_none.to_owned(),
            Kind::Branch => (t.branch_count)(total),
        }
    }
}

/// Chooses a financial institution: a search by name, kana or romaji, the kana initial rows,
/// and the results. The list is fetched the first time the picker is shown.
#[component]
pub fn InstitutionPicker(
    /// Called with the institution the member chooses.
    on_pick: Callback<Choice>,
    /// An institution chosen before, by its 4-digit code: shown as chosen once the list is in
    /// (an unknown code opens the search). `on_pick` is not called for it.
    #[prop(optional_no_strip, into)]
    initial_code: Option<String>,
    /// Called when the member presses 変更 to choose again.
    #[prop(optional)]
    on_clear: Option<Callback<()>>,
    /// The prefix of the picker's element ids; `institution` unless a page has two pickers.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let list = list_read(Ok(INSTITUTIONS_URL.to_owned()), |text| {
        Ok(Rc::new(InstitutionIndex::from_json(text)?))
    });
    view! {
        <fieldset class="picker">
            <legend>{tr(|t| t.institution_legend)}</legend>
            {picker(id.unwrap_or("institution"), Kind::Institution, list, initial_code, on_pick, on_clear)}
        </fieldset>
    }
}

/// Chooses a branch of the institution `bank_code`: a search by name, kana or 3-digit code
/// over its branches, all listed (up to [`SHOWN`]) before anything is typed. The branch list
/// is fetched the first time the picker is shown; for another institution, render a new one.
#[component]
pub fn BranchPicker(
    /// The institution's 4-digit code.
    #[prop(into)]
    bank_code: String,
    /// Called with the branch the member chooses.
    on_pick: Callback<Choice>,
    /// A branch chosen before, by its 3-digit code: shown as chosen once the list is in.
    /// `on_pick` is not called for it.
    #[prop(optional_no_strip, into)]
    initial_code: Option<String>,
    /// Called when the member presses 変更 to choose again.
    #[prop(optional)]
    on_clear: Option<Callback<()>>,
    /// The prefix of the picker's element ids; `branch` unless a page has two pickers.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let list = list_read(branches_url(&bank_code), |text| {
        Ok(Rc::new(BranchIndex::from_json(text)?))
    });
    view! {
        <div class="picker">
            {picker(id.unwrap_or("branch"), Kind::Branch, list, initial_code, on_pick, on_clear)}
        </div>
    }
}

/// Either picker: the choice made (with 変更), or the search over the
/// loaded list. A code chosen before waits for the list; the search stays
/// as the member left it when they press 変更. Choosing moves focus to
/// 変更, and 変更 moves it back to the search field.
fn picker(
    id: &'static str,
    kind: Kind,
    list: Read<List>,
    initial_code: Option<String>,
    on_pick: Callback<Choice>,
    on_clear: Option<Callback<()>>,
) -> AnyView {
    let chosen = RwSignal::new(None::<Choice>);
    let pending = RwSignal::new(initial_code);
    let query = RwSignal::new(String::new());
    let row = RwSignal::new(None::<KanaRow>);
    // A code chosen before is shown as chosen once the list is in (an
    // unknown one opens the search).
    Effect::new(move |_| {
        let Some(code) = pending.get() else {
            return;
        };
        let looked_up = list.with(|loaded| match loaded {
            Some(Ok(list)) => Some(list.choice(&code)),
            _ => None,
        });
        if let Some(choice) = looked_up {
            pending.set(None);
            chosen.set(choice);
        }
    });
    let pick = Callback::new(move |choice: Choice| {
        chosen.set(Some(choice.clone()));
        on_pick.run(choice);
        browser::focus_id_when_present(format!("{id}-change"));
    });
    let change = Callback::new(move |()| {
        chosen.set(None);
        if let Some(on_clear) = on_clear {
            on_clear.run(());
        }
        browser::focus_id_when_present(format!("{id}-search"));
    });
    reactive_view(move || {
        if let Some(choice) = chosen.get() {
            return view! { <ChosenPanel id kind choice on_change=change /> }.into_any();
        }
        match list.get() {
            None => loading_line(),
            Some(Err(_)) => failed(kind, move || list.refetch()).into_any(),
            Some(Ok(_)) if pending.with(Option::is_some) => loading_line(),
            Some(Ok(list)) => untrack(|| search_panel(id, kind, list, query, row, pick)),
        }
    })
}

/// The search field, the kana rows (institutions), the live count and the
/// results, as buttons named after each result.
fn search_panel(
    id: &'static str,
    kind: Kind,
    list: List,
    query: RwSignal<String>,
    row: RwSignal<Option<KanaRow>>,
    on_pick: Callback<Choice>,
) -> AnyView {
    let list = StoredValue::new_local(list);
    let found = Memo::new(move |_| {
        let (query, row) = (query.get(), row.get());
        list.with_value(|list| list.found(&query, row))
    });
    let asked = move || row.with(Option::is_some) || query.with(|q| !search_key(q).is_empty());
    let status = tr_with(move |t, _| {
        let total = found.with(|f| f.total);
        list.with_value(|list| kind.status(t, list.as_ref(), asked(), total))
    });
    let on_choose = Callback::new(move |code: String| {
        if let Some(choice) = list.with_value(|list| list.choice(&code)) {
            on_pick.run(choice);
        }
    });
    let search_id = format!("{id}-search");
    let hint_id = format!("{id}-hint");
    let status_id = format!("{id}-status");
    let list_id = format!("{id}-results");
    let on_search_key = {
        let list_id = list_id.clone();
        move |ev: ev::KeyboardEvent| match ev.key().as_str() {
            // Keys that confirm an input method's composition are the IME's, not ours.
            _ if ev.is_composing() => {}
            "ArrowDown" => {
                ev.prevent_default();
                focus_first_result(&list_id);
            }
            // Enter would submit the page's form; with a single result it chooses it.
            "Enter" => {
                ev.prevent_default();
                let only = found.with(|f| match f.shown.as_slice() {
                    [only] if f.total == 1 => Some(only.code.clone()),
                    _ => None,
                });
                if let Some(code) = only {
                    on_choose.run(code);
                }
            }
            _ => {}
        }
    };
    let on_list_key = {
        let search_id = search_id.clone();
        move |ev: ev::KeyboardEvent| step_through_results(&ev, &search_id)
    };
    let more = tr_with(move |t, _| {
        found.with(|f| {
            let hidden = f.total.saturating_sub(f.shown.len());
            if hidden > 0 {
                (t.more)(hidden)
            } else {
                String::new()
            }
        })
    });
    view! {
        <div class="field picker-search">
            <label for=search_id.clone()>{tr(kind.search_label())}</label>
            <p class="hint" id=hint_id.clone()>{tr(kind.hint())}</p>
            <div class="input-row">
                <input
                    id=search_id.clone()
                    name=search_id
                    type="search"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    aria-describedby=format!("{hint_id} {status_id}")
                    aria-controls=list_id.clone()
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                    on:keydown=on_search_key
                />
            </div>
        </div>
        {(kind == Kind::Institution).then(|| kana_rows(row))}
        <p class="picker-status" id=status_id role="status" aria-live="polite">
            {status}
        </p>
        <ul
            class="choices"
            id=list_id
            hidden=move || found.with(|f| f.shown.is_empty())
            on:keydown=on_list_key
        >
            {reactive_view(move || {
                found.with(|f| {
                    f.shown
                        .iter()
                        .cloned()
                        .map(|choice| view! { <ChoiceButton kind choice on_choose /> }.into_any())
                        .collect::<Vec<_>>()
                        .into_any()
                })
            })}
        </ul>
        <p class="hint picker-more">{more}</p>
    }
    .into_any()
}

/// The kana initial rows あ行 … わ行, each a toggle that lists its
/// institutions (and keeps a search to them).
fn kana_rows(row: RwSignal<Option<KanaRow>>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = KanaRow::ALL
        .map(|r| {
            view! {
                <button
                    type="button"
                    class="kana-row"
                    aria-pressed=move || (row.get() == Some(r)).to_string()
                    on:click=move |_| row.update(|current| {
                        *current = if *current == Some(r) { None } else { Some(r) };
                    })
                >
                    {move || i18n.locale().pick(r.label_ja(), r.label_en())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="kana-rows" role="group" aria-label=tr(|t| t.kana_rows)>
            {rows}
        </div>
    }
}

/// One result: its name (the button's accessible name, in Japanese whatever the locale), and
/// its kana and code below.
#[component]
fn ChoiceButton(kind: Kind, choice: Choice, on_choose: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let detail = tr_with({
        let choice = choice.clone();
        move |t, _| kind.detail(t, &choice)
    });
    let code = choice.code;
    let label = choice.name.clone();
    view! {
        <li>
            <button
                type="button"
                class="choice"
                lang="ja"
                aria-label=label
                on:click=move |_| on_choose.run(code.clone())
            >
                <span class="choice-name">{choice.name}</span>
                <span class="choice-detail" lang=move || i18n.locale().code()>{detail}</span>
            </button>
        </li>
    }
}

/// The choice made, with 変更 to choose again.
#[component]
fn ChosenPanel(
    id: &'static str,
    kind: Kind,
    choice: Choice,
    on_change: Callback<()>,
) -> impl IntoView {
    let detail = tr_with({
        let choice = choice.clone();
        move |t, _| kind.detail(t, &choice)
    });
    view! {
        <div class="picked">
            <p class="picked-label">{tr(kind.chosen())}</p>
            <p class="picked-name" lang="ja">{choice.name}</p>
            <p class="picked-detail">{detail}</p>
            <button
                type="button"
                class="secondary"
                id=format!("{id}-change")
                aria-label=tr(kind.change())
                on:click=move |_| on_change.run(())
            >
                {tr(|t| t.change)}
            </button>
        </div>
    }
}

/// The list could not be fetched or read: one message and a retry; nothing else breaks.
fn failed(kind: Kind, retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <p>{tr(kind.failed())}</p>
            <button type="button" class="secondary" on:click=move |_| retry()>
                {common::tr(|t| t.retry)}
            </button>
        </div>
    }
}

/// Focuses the button of a list item.
fn focus_button_in(item: &web_sys::Element) -> bool {
    item.query_selector("button")
        .ok()
        .flatten()
        .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|button| button.focus().is_ok())
}

/// Moves focus from the search field to the first result.
fn focus_first_result(list_id: &str) {
    if let Some(first) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(list_id))
        .and_then(|list| list.first_element_child())
    {
        focus_button_in(&first);
    }
}

/// The results' keys: ↓ and ↑ move between them (↑ from the first goes back to the field),
/// Home and End go to the first and last, Escape goes back to the field.
fn step_through_results(ev: &ev::KeyboardEvent, search_id: &str) {
    let Some(item) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("li").ok().flatten())
    else {
        return;
    };
    let list = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let next = match ev.key().as_str() {
        "ArrowDown" => item.next_element_sibling(),
        "ArrowUp" => match item.previous_element_sibling() {
            Some(previous) => Some(previous),
            None => {
                ev.prevent_default();
                browser::focus_id(search_id);
                return;
            }
        },
        "Home" => list.and_then(|l| l.first_element_child()),
        "End" => list.and_then(|l| l.last_element_child()),
        "Escape" => {
            ev.prevent_default();
            browser::focus_id(search_id);
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    if let Some(next) = next {
        focus_button_in(&next);
    }
}
