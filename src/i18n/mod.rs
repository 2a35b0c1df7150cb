//! The two locales and the typed text tables.
//!
//! Each page keeps its own table next to it (`src/pages/*/texts.rs`), so a
//! page's chunk carries its own words; `common` holds what the shell and
//! several pages share, and `crate::routes` the page titles. A table is
//! written with [`texts!`], which puts each text's Japanese and English side
//! by side and refuses (at compile time) a text that misses a locale. We
//! chose plain structs over leptos_i18n: no build step, and the wasm carries
//! only the strings. Texts that embed a value are functions.

pub mod common;

use leptos::prelude::*;
use portal_domain::clock::{
    format_date_en, format_date_ja, format_datetime_en, format_datetime_ja,
};
use portal_domain::money::Yen;

/// A locale of the portal. Japanese is the default and the reference wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Ja,
    En,
}

impl Locale {
    /// The value for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code {
            "ja" => Some(Locale::Ja),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// A table's texts in this locale.
    pub fn texts<T: Localized>(self) -> &'static T {
        T::in_locale(self)
    }

    /// The other locale, which the language switch offers.
    pub fn other(self) -> Locale {
        match self {
            Locale::Ja => Locale::En,
            Locale::En => Locale::Ja,
        }
    }

    /// Picks this locale's value out of a Japanese and an English one.
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Locale::Ja => ja,
            Locale::En => en,
        }
    }

    pub fn yen(self, amount: Yen) -> String {
        match self {
            Locale::Ja => amount.format_ja(),
            Locale::En => amount.format_en(),
        }
    }

    pub fn date(self, d: chrono::NaiveDate) -> String {
        match self {
            Locale::Ja => format_date_ja(d),
            Locale::En => format_date_en(d),
        }
    }

    /// A span of time, "A～B" in Japanese and "A – B" in English.
    pub fn range(self, from: &str, to: &str) -> String {
        match self {
            Locale::Ja => format!("{from}～{to}"),
            Locale::En => format!("{from} – {to}"),
        }
    }

    pub fn datetime(self, dt: chrono::NaiveDateTime) -> String {
        match self {
            Locale::Ja => format_datetime_ja(dt),
            Locale::En => format_datetime_en(dt),
        }
    }
}

/// The current locale, shared through context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

impl I18n {
    pub fn locale(&self) -> Locale {
        self.0.get()
    }

    /// A table's texts in the current locale; reading it subscribes the
    /// caller.
    pub fn t<T: Localized>(&self) -> &'static T {
        T::in_locale(self.0.get())
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(RwSignal::new(Locale::Ja)))
}

/// A text table: one value per locale, made by [`texts!`].
pub trait Localized: Sync + 'static {
    fn in_locale(locale: Locale) -> &'static Self;
}

/// Declares a text table `Texts` with every text's Japanese and English side
/// by side, plus this module's `tr` and `tr_with` for it:
///
/// ```ignore
/// texts! {
///     /// What the table is for.
///     pub struct Texts {
///         balance: &'static str {
///             ja: "ご利用残高",
///             en: "Balance",
///         }
///         days: fn(u32) -> String {
///             ja: |n| format!("{n}日"),
///             en: |n| format!("{n} days"),
///         }
///     }
/// }
/// ```
///
/// A text without both `ja` and `en` does not compile.
#[macro_export]
macro_rules! texts {
    (
        $(#[$meta:meta])*
        $vis:vis struct Texts {
            $(
                $(#[$field_meta:meta])*
                $field:ident : $ty:ty { ja: $ja:expr, en: $en:expr $(,)? }
            )*
        }
    ) => {
        $(#[$meta])*
        $vis struct Texts {
            $( $(#[$field_meta])* pub $field: $ty, )*
        }

        impl $crate::i18n::Localized for Texts {
            fn in_locale(locale: $crate::i18n::Locale) -> &'static Self {
                static JA: Texts = Texts { $( $field: $ja, )* };
                static EN: Texts = Texts { $( $field: $en, )* };
                match locale {
                    $crate::i18n::Locale::Ja => &JA,
                    $crate::i18n::Locale::En => &EN,
                }
            }
        }

        /// A text of this table in the current locale, as a signal.
        #[allow(dead_code)]
        $vis fn tr(
            pick: fn(&'static Texts) -> &'static str,
        ) -> ::leptos::prelude::Signal<&'static str> {
            $crate::i18n::tr(pick)
        }

        /// A text of this table built from values, as a signal.
        #[allow(dead_code)]
        $vis fn tr_with(
            build: impl Fn(&'static Texts, $crate::i18n::Locale) -> String + Send + Sync + 'static,
        ) -> ::leptos::prelude::Signal<String> {
            $crate::i18n::tr_with(build)
        }
    };
}

/// A text of the current locale as a type-erased signal. Every text node
/// then shares one instantiation of the framework's render code instead of
/// one per closure, which keeps the wasm small. Modules call it through the
/// `tr` that [`texts!`] writes next to their table.
pub fn tr<T: Localized>(pick: fn(&'static T) -> &'static str) -> Signal<&'static str> {
    let i18n = use_i18n();
    Signal::derive(move || pick(i18n.t()))
}

/// Like `tr`, for texts built from values.
pub fn tr_with<T: Localized>(
    build: impl Fn(&'static T, Locale) -> String + Send + Sync + 'static,
) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || build(i18n.t(), i18n.locale()))
}
