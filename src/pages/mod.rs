//! One module per route. Pages are thin: they read context, call the backend
//! and hand values to presentational components. Each page with a module
//! directory keeps its texts next to it (`texts.rs`).
//!
//! Every page but the shell's own (not found, coming soon) is compiled into
//! a wasm chunk of its own: the functions below are split points
//! (`wasm_split`, see `scripts/split.sh`), so a member downloads a page's
//! code and words only when they open it. They are `fallible`: a chunk that
//! cannot be fetched is an `Err` the shell shows with a retry button, never
//! a panic (which would end the whole module under `panic = "abort"`).

pub mod coming_soon;
pub mod documents;
pub mod help;
pub mod history;
pub mod home;
pub mod limit;
pub mod login;
pub mod maintenance;
pub mod not_found;
pub mod points;
pub mod recovery;
pub mod reminders;
pub mod repay;
pub mod settings;
pub mod simulator;
pub mod transfer;

pub use crate::chunk::ChunkError;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// The page's view, loading its chunk first when it has one.
pub async fn load(page: Page) -> Result<AnyView, ChunkError> {
    match page {
        Page::Login => login_view().await,
        Page::Home => home_view().await,
        Page::History => history_view().await,
        Page::Simulator => simulator_view().await,
        Page::Maintenance => maintenance_view().await,
        Page::Help => help_view().await,
        Page::Transfer => transfer_view().await,
        Page::Repay => repay_view().await,
        Page::Register => register_view().await,
        Page::PasswordReset => password_reset_view().await,
        Page::Reminders => reminders_view().await,
        Page::Points => points_view().await,
        Page::Settings => settings_view().await,
        Page::Limit => limit_view().await,
        Page::Documents => documents_view().await,
    }
}

/// Fetches a page's chunk without showing it, so a later visit is instant.
pub async fn preload(page: Page) -> Result<(), ChunkError> {
    let loaded = match page {
        Page::Login => preload_login().await,
        Page::Home => preload_home().await,
        Page::History => preload_history().await,
        Page::Simulator => preload_simulator().await,
        Page::Maintenance => preload_maintenance().await,
        Page::Help => preload_help().await,
        Page::Transfer => preload_transfer().await,
        Page::Repay => preload_repay().await,
        Page::Register => preload_register().await,
        Page::PasswordReset => preload_password_reset().await,
        Page::Reminders => preload_reminders().await,
        Page::Points => preload_points().await,
        Page::Settings => preload_settings().await,
        Page::Limit => preload_limit().await,
        Page::Documents => preload_documents().await,
    };
    Ok(loaded?)
}

// Each split point names its chunk (`split_<name>.wasm`); `scripts/split.sh`
// maps the names to routes for the first page's preload.

#[wasm_split(login, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_login))]
fn login_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <login::LoginPage /> }.into_any())
}

#[wasm_split(home, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_home))]
fn home_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <home::HomePage /> }.into_any())
}

#[wasm_split(history, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_history))]
fn history_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <history::HistoryPage /> }.into_any())
}

#[wasm_split(simulator, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_simulator))]
fn simulator_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <simulator::SimulatorPage /> }.into_any())
}

#[wasm_split(maintenance, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_maintenance))]
fn maintenance_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <maintenance::MaintenancePage /> }.into_any())
}

#[wasm_split(help, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_help))]
fn help_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <help::HelpPage /> }.into_any())
}

#[wasm_split(transfer, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_transfer))]
fn transfer_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <transfer::TransferPage /> }.into_any())
}

#[wasm_split(repay, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_repay))]
fn repay_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <repay::RepayPage /> }.into_any())
}

#[wasm_split(register, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_register))]
fn register_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <recovery::RegisterPage /> }.into_any())
}

#[wasm_split(password_reset, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_password_reset))]
fn password_reset_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <recovery::PasswordResetPage /> }.into_any())
}

#[wasm_split(reminders, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_reminders))]
fn reminders_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <reminders::RemindersPage /> }.into_any())
}

#[wasm_split(points, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_points))]
fn points_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <points::PointsPage /> }.into_any())
}

#[wasm_split(settings, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_settings))]
fn settings_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::SettingsPage /> }.into_any())
}

#[wasm_split(limit, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_limit))]
fn limit_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <limit::LimitPage /> }.into_any())
}

#[wasm_split(documents, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_documents))]
fn documents_view() -> Result<AnyView, ChunkError> {
    Ok(view! { <documents::DocumentsPage /> }.into_any())
}

/// A chunk's view on its way: what every loader below answers.
pub type ChunkFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, ChunkError>>>>;

/// The chunks that load from inside a page's chunk, handed to the pages
/// through context by `App`: each settings section, and a part of a page
/// that only some members need (the income proof's uploader on the
/// `/limit/proof` step, for a request that needs one), so everyone else
/// never downloads it. Their split points live here, in the main module,
/// not in the page's chunk: a split point called from inside another
/// chunk's code is kept by every build that links that chunk, and an
/// unsplit build (the wasm tests) cannot load its import.
#[derive(Clone, Copy)]
pub struct NestedChunks {
    pub section: fn(crate::routes::SettingsSection) -> ChunkFuture,
    pub proof_uploader: fn(Callback<String>) -> ChunkFuture,
}

impl Default for NestedChunks {
    fn default() -> Self {
        Self::new()
    }
}

impl NestedChunks {
    pub fn new() -> Self {
        NestedChunks {
            section: |section| Box::pin(load_settings_section(section)),
            proof_uploader: |on_sent| Box::pin(proof_uploader_part(on_sent)),
        }
    }
}

/// Loads one nested chunk through the loaders in context (see
/// [`NestedChunks`]), for [`crate::app::LazyChunk`]. A view outside `App`
/// (a wasm test) has none, and the load fails like an unreachable chunk.
pub fn nested_loader<A: Clone + 'static>(
    pick: fn(&NestedChunks) -> fn(A) -> ChunkFuture,
    args: A,
) -> crate::app::ChunkLoader {
    let chunks = use_context::<NestedChunks>();
    std::rc::Rc::new(move || match &chunks {
        Some(chunks) => pick(chunks)(args.clone()),
        None => Box::pin(async { Err(ChunkError) }),
    })
}

#[wasm_split(proof_uploader, wasm_split_path = ::leptos::wasm_split, fallible)]
fn proof_uploader_part(on_sent: Callback<String>) -> Result<AnyView, ChunkError> {
    Ok(limit::proof_uploader_view(on_sent))
}

/// Fetches a section's chunk and builds its view.
pub async fn load_settings_section(
    section: crate::routes::SettingsSection,
) -> Result<AnyView, ChunkError> {
    Ok(match section {
        crate::routes::SettingsSection::PayeeAccount => settings_payee_account().await?,
        crate::routes::SettingsSection::RepaymentDate => settings_repayment_date().await?,
        crate::routes::SettingsSection::Address => settings_address().await?,
        crate::routes::SettingsSection::Employer => settings_employer().await?,
        crate::routes::SettingsSection::Email => settings_email().await?,
        crate::routes::SettingsSection::WebId => settings_web_id().await?,
        crate::routes::SettingsSection::PrepaidCard => settings_prepaid_card().await?,
    })
}

// One split point per section, named `settings_<segment>` so the loader can
// preload a section opened by its address (`scripts/finish-build.mjs`).

#[wasm_split(settings_payee_account, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_payee_account() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::payee_account::PayeeAccountSection /> }.into_any())
}

#[wasm_split(settings_repayment_date, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_repayment_date() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::repayment_date::RepaymentDateSection /> }.into_any())
}

#[wasm_split(settings_address, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_address() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::address::AddressSection /> }.into_any())
}

#[wasm_split(settings_employer, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_employer() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::employer::EmployerSection /> }.into_any())
}

#[wasm_split(settings_email, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_email() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::email::EmailSection /> }.into_any())
}

#[wasm_split(settings_web_id, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_web_id() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::web_id::WebIdSection /> }.into_any())
}

#[wasm_split(settings_prepaid_card, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_prepaid_card() -> Result<AnyView, ChunkError> {
    Ok(view! { <settings::prepaid_card::PrepaidCardSection /> }.into_any())
}
