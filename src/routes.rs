//! Every route of the portal (SPEC S19) as one typed list: its path, its
//! title in both locales and who may open it. The route table, the page
//! titles, the home page's service links, the coming-soon page and the
//! sign-in page's return path all read this list; no path is written twice.
//!
//! How each page's code is loaded (its own wasm chunk) is `crate::pages`'
//! business: this module is plain data, tested natively.

use crate::i18n::Locale;

/// A page of the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Login,
    Register,
    PasswordReset,
    Help,
    Simulator,
    Maintenance,
    Home,
    History,
    Transfer,
    Repay,
    Limit,
    Documents,
    Settings,
    Reminders,
    Points,
}

/// Who may open a page, which decides the guards around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, at any time, even during maintenance (no lender needed).
    Always,
    /// Anyone, outside maintenance windows.
    Open,
    /// Only someone not signed in (a member goes on to the home page),
    /// outside maintenance windows.
    SignedOut,
    /// Only a signed-in member, outside maintenance windows.
    Member,
}

impl Page {
    /// Every page, in the order of SPEC S19.
    pub const ALL: [Page; 15] = [
        Page::Login,
        Page::Register,
        Page::PasswordReset,
        Page::Home,
        Page::History,
        Page::Transfer,
        Page::Repay,
        Page::Limit,
        Page::Documents,
        Page::Settings,
        Page::Reminders,
        Page::Points,
        Page::Help,
        Page::Simulator,
        Page::Maintenance,
    ];

    /// The services the home page links to, in its order.
    pub const SERVICES: [Page; 10] = [
        Page::History,
        Page::Transfer,
        Page::Repay,
        Page::Limit,
        Page::Documents,
        Page::Settings,
        Page::Reminders,
        Page::Points,
        Page::Simulator,
        Page::Help,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Page::Login => "/login",
            Page::Register => "/register",
            Page::PasswordReset => "/password-reset",
            Page::Help => "/help",
            Page::Simulator => "/simulator",
            Page::Maintenance => "/maintenance",
            Page::Home => "/home",
            Page::History => "/history",
            Page::Transfer => "/transfer",
            Page::Repay => "/repay",
            Page::Limit => "/limit",
            Page::Documents => "/documents",
            Page::Settings => "/settings",
            Page::Reminders => "/reminders",
            Page::Points => "/points",
        }
    }

    /// The page's heading and tab title, Japanese and English side by side
    /// (the seed article's words).
    pub fn title(self, locale: Locale) -> &'static str {
        let (ja, en) = match self {
            Page::Login => ("会員ログイン", "Member sign-in"),
            Page::Register => ("WEB-ID登録", "Register a WEB-ID"),
            Page::PasswordReset => ("パスワードの再設定", "Reset your password"),
            Page::Help => ("ヘルプ・お問い合わせ", "Help and contact"),
            Page::Simulator => ("返済シミュレーション", "Repayment simulator"),
            Page::Maintenance => ("メンテナンスのお知らせ", "Maintenance"),
            Page::Home => ("会員トップ", "Member home"),
            Page::History => ("取引履歴", "Transaction history"),
            Page::Transfer => ("インターネット振込", "Internet transfer"),
            Page::Repay => ("インターネット返済", "Internet repayment"),
            Page::Limit => ("限度額の変更", "Change credit line"),
            Page::Documents => ("書類提出", "Submit documents"),
            Page::Settings => ("各種設定の変更", "Settings"),
            Page::Reminders => ("ご返済日お知らせメール", "Repayment reminder e-mail"),
            Page::Points => ("ポイントサービス", "Points"),
        };
        locale.pick(ja, en)
    }

    /// The label of the home page's link to this service, where it differs
    /// from the title.
    pub fn link_label(self, locale: Locale) -> &'static str {
        match self {
            Page::History => locale.pick("取引履歴の確認", "Transaction history"),
            other => other.title(locale),
        }
    }

    pub fn access(self) -> Access {
        match self {
            Page::Simulator | Page::Help | Page::Maintenance => Access::Always,
            Page::Register | Page::PasswordReset => Access::Open,
            Page::Login => Access::SignedOut,
            Page::Home
            | Page::History
            | Page::Transfer
            | Page::Repay
            | Page::Limit
            | Page::Documents
            | Page::Settings
            | Page::Reminders
            | Page::Points => Access::Member,
        }
    }

    /// The page a path shows: exact paths, plus any sub-page of
    /// `/settings` (SPEC S19). Anything else is not a page.
    pub fn from_path(path: &str) -> Option<Page> {
        let path = match path.strip_suffix('/') {
            Some(trimmed) if !trimmed.is_empty() => trimmed,
            _ => path,
        };
        if let Some(rest) = path.strip_prefix("/settings/") {
            return SettingsSection::from_segment(rest).map(|_| Page::Settings);
        }
        if path == LIMIT_PROOF_PATH {
            return Some(Page::Limit);
        }
        Page::ALL.into_iter().find(|p| p.path() == path)
    }

    /// Where sign-in should lead for a requested return path: the path
    /// itself when it is a member page of this list (a settings sub-page
    /// included), and the home page for anything else a query string says.
    pub fn return_path(requested: Option<&str>) -> &str {
        match requested {
            Some(path) if Page::from_path(path).map(Page::access) == Some(Access::Member) => path,
            _ => Page::Home.path(),
        }
    }

    /// The sign-in page's address for a member who asked for `path`
    /// without a session: `/login?next=…` for member pages, else `/login`.
    pub fn login_for(path: &str) -> String {
        match Page::from_path(path) {
            Some(p) if p.access() == Access::Member && p != Page::Home => {
                format!("{}?next={}", Page::Login.path(), path)
            }
            _ => Page::Login.path().to_owned(),
        }
    }
}

/// The income proof step of a credit-line increase (SPEC S10): a step of
/// `/limit` with an address of its own, so that Back returns to the form
/// and a page reloaded there (a phone that dropped the tab while its camera
/// app was open) comes back to the step.
pub const LIMIT_PROOF_PATH: &str = "/limit/proof";

/// The page a section was asked to return to (`?next=`, written by
/// [`SettingsSection::path_returning_to`]): a member page of the list other
/// than `/settings` itself; anything else a query string says is ignored.
pub fn return_page(next: Option<&str>) -> Option<Page> {
    Page::ALL
        .into_iter()
        .find(|p| Some(p.path()) == next)
        .filter(|p| p.access() == Access::Member && *p != Page::Settings)
}

/// A sub-page of `/settings` (SPEC S12): one change a member can make,
/// at `/settings/<segment>`. `/settings` itself lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingsSection {
    PayeeAccount,
    RepaymentDate,
    Address,
    Employer,
    Email,
    WebId,
    PrepaidCard,
}

impl SettingsSection {
    /// Every section, in the order `/settings` lists them.
    pub const ALL: [SettingsSection; 7] = [
        SettingsSection::PayeeAccount,
        SettingsSection::RepaymentDate,
        SettingsSection::Address,
        SettingsSection::Employer,
        SettingsSection::Email,
        SettingsSection::WebId,
        SettingsSection::PrepaidCard,
    ];

    /// The last segment of the section's path. Stable: links and tests use it.
    pub fn segment(self) -> &'static str {
        match self {
            SettingsSection::PayeeAccount => "payee-account",
            SettingsSection::RepaymentDate => "repayment-date",
            SettingsSection::Address => "address",
            SettingsSection::Employer => "employer",
            SettingsSection::Email => "email",
            SettingsSection::WebId => "web-id",
            SettingsSection::PrepaidCard => "prepaid-card",
        }
    }

    /// `/settings/<segment>`.
    pub fn path(self) -> String {
        format!("{}/{}", Page::Settings.path(), self.segment())
    }

    /// The section's address for a member sent from `page` to make this
    /// change first (`/transfer` to register a payee account): the section
    /// brings them back there when it is done (see [`return_page`]).
    pub fn path_returning_to(self, page: Page) -> String {
        format!("{}?next={}", self.path(), page.path())
    }

    /// The section a path segment names (a trailing `/` allowed).
    pub fn from_segment(segment: &str) -> Option<SettingsSection> {
        let segment = segment.strip_suffix('/').unwrap_or(segment);
        SettingsSection::ALL
            .into_iter()
            .find(|s| s.segment() == segment)
    }

    /// The section a whole path shows: `None` for `/settings` itself.
    pub fn from_path(path: &str) -> Option<SettingsSection> {
        path.strip_prefix("/settings/")
            .and_then(SettingsSection::from_segment)
    }

    /// The section's heading and tab title (the seed article's words).
    pub fn title(self, locale: Locale) -> &'static str {
        let (ja, en) = match self {
            SettingsSection::PayeeAccount => ("振込先口座の登録・変更", "Payee account"),
            SettingsSection::RepaymentDate => ("ご返済日の変更", "Repayment date"),
            SettingsSection::Address => ("ご住所の変更", "Address"),
            SettingsSection::Employer => ("お勤め先の変更", "Employer"),
            SettingsSection::Email => ("メールアドレスの登録・変更", "E-mail address"),
            SettingsSection::WebId => ("WEB-ID・パスワードの登録・変更", "WEB-ID and password"),
            SettingsSection::PrepaidCard => {
                ("VISAプリペイドカード番号の登録・変更", "VISA prepaid card")
            }
        };
        locale.pick(ja, en)
    }
}

/// An answer of the help page's FAQ (SPEC S15) that other pages link to:
/// the sign-in messages, the sign-in form's half-width errors and the
/// maintenance page point at the matching answer (`/help#lock`). The anchors
/// live here, beside the paths, because those pages must not reach into the
/// help page's chunk to build a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HelpTopic {
    ForgotPin,
    ForgotPassword,
    Register,
    Lock,
    Maintenance,
    Suspended,
    HalfWidth,
    Case,
}

impl HelpTopic {
    /// Every answer, in the order the help page lists them (the seed
    /// article's order of sign-in troubles).
    pub const ALL: [HelpTopic; 8] = [
        HelpTopic::ForgotPin,
        HelpTopic::ForgotPassword,
        HelpTopic::Register,
        HelpTopic::Lock,
        HelpTopic::Maintenance,
        HelpTopic::Suspended,
        HelpTopic::HalfWidth,
        HelpTopic::Case,
    ];

    /// The answer's element id on the help page, and the fragment of a link
    /// to it. Stable: other pages and tests link to these.
    pub fn anchor(self) -> &'static str {
        match self {
            HelpTopic::ForgotPin => "forgot-pin",
            HelpTopic::ForgotPassword => "forgot-password",
            HelpTopic::Register => "register",
            HelpTopic::Lock => "lock",
            HelpTopic::Maintenance => "maintenance",
            HelpTopic::Suspended => "suspended",
            HelpTopic::HalfWidth => "half-width",
            HelpTopic::Case => "case",
        }
    }

    /// The address of the answer: the help page's path and the anchor.
    pub fn href(self) -> String {
        format!("{}#{}", Page::Help.path(), self.anchor())
    }

    /// The answer an address's fragment names, as the router reports it
    /// (`#lock`, or `lock`); `None` for anything else.
    pub fn from_hash(hash: &str) -> Option<HelpTopic> {
        let anchor = hash.strip_prefix('#').unwrap_or(hash);
        HelpTopic::ALL.into_iter().find(|t| t.anchor() == anchor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_path_of_spec_s19_is_a_page_and_back() {
        let spec = [
            "/login",
            "/register",
            "/password-reset",
            "/home",
            "/history",
            "/transfer",
            "/repay",
            "/limit",
            "/documents",
            "/settings",
            "/reminders",
            "/points",
            "/help",
            "/simulator",
            "/maintenance",
        ];
        let paths: Vec<&str> = Page::ALL.iter().map(|p| p.path()).collect();
        assert_eq!(paths, spec);
        for p in Page::ALL {
            assert_eq!(Page::from_path(p.path()), Some(p));
        }
    }

    #[test]
    fn paths_and_titles_are_unique() {
        let paths: HashSet<_> = Page::ALL.iter().map(|p| p.path()).collect();
        assert_eq!(paths.len(), Page::ALL.len());
        for l in [Locale::Ja, Locale::En] {
            let titles: HashSet<_> = Page::ALL.iter().map(|p| p.title(l)).collect();
            assert_eq!(titles.len(), Page::ALL.len(), "{l:?}");
        }
    }

    #[test]
    fn settings_sub_pages_belong_to_settings_and_nothing_else_is_a_page() {
        assert_eq!(Page::from_path("/settings/address"), Some(Page::Settings));
        for section in SettingsSection::ALL {
            assert_eq!(Page::from_path(&section.path()), Some(Page::Settings));
            assert_eq!(SettingsSection::from_path(&section.path()), Some(section));
            assert_eq!(
                SettingsSection::from_path(&format!("{}/", section.path())),
                Some(section)
            );
        }
        assert_eq!(SettingsSection::from_path("/settings"), None);
        assert_eq!(Page::from_path("/settings/nowhere"), None);
        assert_eq!(Page::from_path("/history/"), Some(Page::History));
        for other in ["", "/", "/homes", "/HOME", "//evil.example", "/home/x"] {
            assert_eq!(Page::from_path(other), None, "{other}");
        }
    }

    #[test]
    fn sign_in_returns_only_to_member_pages() {
        assert_eq!(Page::return_path(Some("/history")), "/history");
        assert_eq!(
            Page::return_path(Some("/settings/address")),
            "/settings/address"
        );
        for other in [
            None,
            Some("https://evil.example/home"),
            Some("//evil.example"),
            Some("/login"),
            Some("/simulator"),
            Some("/nowhere"),
        ] {
            assert_eq!(Page::return_path(other), "/home", "{other:?}");
        }
        assert_eq!(Page::return_path(Some("/limit/proof")), "/limit/proof");
        assert_eq!(Page::from_path("/limit/proof/"), Some(Page::Limit));
        assert_eq!(Page::from_path("/limit/other"), None);
        assert_eq!(Page::login_for("/history"), "/login?next=/history");
        assert_eq!(Page::login_for("/home"), "/login");
        assert_eq!(Page::login_for("/nowhere"), "/login");
    }

    /// The loader preloads a settings section's chunk by both segments of
    /// its path (`/settings/prepaid-card` → `settings_prepaid_card`).
    #[test]
    fn every_settings_section_chunk_is_named_after_its_path() {
        let source = include_str!("pages/mod.rs");
        let mut names: Vec<String> = source
            .split("#[wasm_split(")
            .skip(1)
            .filter_map(|rest| rest.split(',').next())
            .filter(|name| name.starts_with("settings_"))
            .map(str::to_owned)
            .collect();
        names.sort();
        let mut expected: Vec<String> = SettingsSection::ALL
            .iter()
            .map(|s| format!("settings_{}", s.segment().replace('-', "_")))
            .collect();
        expected.sort();
        assert_eq!(names, expected);
        let titles: HashSet<_> = SettingsSection::ALL
            .iter()
            .map(|s| s.title(Locale::Ja))
            .collect();
        assert_eq!(titles.len(), SettingsSection::ALL.len());
    }

    /// The loader (`scripts/finish-build.mjs`) preloads the chunk of the
    /// page being opened by its path's first segment, so every page split
    /// point must be named after its path; the parts of pages
    /// (`NestedChunks`) must not be, or opening that path would preload a
    /// part instead of a page.
    #[test]
    fn every_page_chunk_is_named_after_its_path() {
        const PARTS: [&str; 1] = ["proof_uploader"];
        let source = include_str!("pages/mod.rs");
        let names: Vec<&str> = source
            .split("#[wasm_split(")
            .skip(1)
            .filter_map(|rest| rest.split(',').next())
            .filter(|name| !name.starts_with("settings_"))
            .collect();
        assert!(names.len() >= 5, "{names:?}");
        for name in names {
            let page = Page::ALL
                .into_iter()
                .find(|p| p.path()[1..].replace('-', "_") == name);
            if PARTS.contains(&name) {
                assert!(page.is_none(), "part {name} is named like a page");
            } else {
                assert!(page.is_some(), "split point {name} is not a page's path");
            }
        }
        for part in PARTS {
            assert!(source.contains(&format!("#[wasm_split({part},")), "{part}");
        }
    }

    #[test]
    fn a_section_returns_only_to_a_member_page_of_the_list() {
        let path = SettingsSection::PayeeAccount.path_returning_to(Page::Transfer);
        assert_eq!(path, "/settings/payee-account?next=/transfer");
        assert_eq!(return_page(Some("/transfer")), Some(Page::Transfer));
        assert_eq!(return_page(Some("/limit")), Some(Page::Limit));
        for refused in [
            None,
            Some(""),
            Some("/login"),
            Some("/simulator"),
            Some("/settings"),
            Some("/transfer/"),
            Some("//evil.example/transfer"),
            Some("https://evil.example/transfer"),
            Some("/transfer?x=1"),
        ] {
            assert_eq!(return_page(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn every_service_link_is_a_member_or_public_page() {
        for p in Page::SERVICES {
            assert_ne!(p.access(), Access::SignedOut);
            assert!(!p.link_label(Locale::Ja).is_empty());
        }
    }

    #[test]
    fn help_anchors_are_unique_ids_that_lead_back_to_their_answer() {
        let anchors: HashSet<_> = HelpTopic::ALL.iter().map(|t| t.anchor()).collect();
        assert_eq!(anchors.len(), HelpTopic::ALL.len());
        // The shell's own ids must stay unique in the document.
        let shell = [crate::components::page_title::PAGE_TITLE_ID, "main"];
        for t in HelpTopic::ALL {
            let anchor = t.anchor();
            assert!(!shell.contains(&anchor), "{anchor}");
            // Valid in an id and in a URL fragment without escaping.
            assert!(
                !anchor.is_empty()
                    && anchor.starts_with(|c: char| c.is_ascii_lowercase())
                    && anchor.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{anchor}"
            );
            assert_eq!(t.href(), format!("/help#{anchor}"));
            assert_eq!(HelpTopic::from_hash(&format!("#{anchor}")), Some(t));
            assert_eq!(HelpTopic::from_hash(anchor), Some(t));
        }
        for other in ["", "#", "#LOCK", "#lock-", "#page-title", "lock#"] {
            assert_eq!(HelpTopic::from_hash(other), None, "{other}");
        }
    }

    #[test]
    fn the_help_page_stays_open_during_maintenance() {
        // Members who cannot sign in because of a window read why there.
        assert_eq!(Page::Help.access(), Access::Always);
    }
}
