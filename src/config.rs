//! The runtime configuration in `public/config.json` (SPEC S16, S19): which
//! backend to use and the brand to show. One build serves every environment
//! because this file, not the wasm, decides.

use serde::Deserialize;

/// Which backend the portal talks to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendConfig {
    /// The in-browser fake lender.
    Fake,
    /// A lender's HTTP API.
    Http {
        base_url: String,
        timeout_ms: u32,
        /// Sends the page's time to a test-mode server (`X-Test-Now`); only
        /// the end-to-end suite's configuration turns it on.
        test_clock: bool,
    },
}

/// How long the HTTP backend waits for an answer unless configured.
const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// The lender's brand. The demo default is a clearly fictional lender with a
/// reserved-style phone number; a deployment supplies its own.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Brand {
    pub name_ja: String,
    pub name_en: String,
    pub support_phone: String,
    pub support_hours_ja: String,
    pub support_hours_en: String,
}

impl Brand {
    /// The brand's name in a locale.
    pub fn name(&self, locale: crate::i18n::Locale) -> &str {
        locale.pick(&self.name_ja, &self.name_en)
    }

    /// The support hours in a locale.
    pub fn support_hours(&self, locale: crate::i18n::Locale) -> &str {
        locale.pick(&self.support_hours_ja, &self.support_hours_en)
    }

    /// A `tel:` address for the support number: its digits (and a leading
    /// `+`), without the hyphens and spaces people write for reading.
    /// `None` when the configured number has no digit to dial.
    pub fn support_tel_href(&self) -> Option<String> {
        let number = self.support_phone.trim();
        let plus = if number.starts_with('+') { "+" } else { "" };
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        (!digits.is_empty()).then(|| format!("tel:{plus}{digits}"))
    }
}

impl Default for Brand {
    fn default() -> Self {
        Brand {
            name_ja: "サンプルファイナンス".into(),
            name_en: "Sample Finance".into(),
            support_phone: "0120-000-123".into(),
            support_hours_ja: "オペレーター対応 平日9:00～18:00、それ以外は自動音声".into(),
            support_hours_en: "operators weekdays 9:00–18:00, automated answers otherwise".into(),
        }
    }
}

/// The whole configuration file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub backend: BackendConfig,
    pub brand: Brand,
}

/// The file as written. A flat struct (rather than an internally tagged
/// enum) keeps serde's buffering machinery out of the wasm.
#[derive(Deserialize)]
struct RawConfig {
    backend: String,
    base_url: Option<String>,
    timeout_ms: Option<u32>,
    #[serde(default)]
    test_clock: bool,
    #[serde(default)]
    brand: Brand,
}

/// Why the configuration could not be used; shown on the error page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Unreachable(String),
    Invalid(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Unreachable(e) => write!(f, "config.json could not be fetched: {e}"),
            ConfigError::Invalid(e) => write!(f, "config.json is invalid: {e}"),
        }
    }
}

impl Config {
    /// Parses the file's text, refusing anything that would send traffic to
    /// a backend the portal cannot trust.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig =
            serde_json::from_str(text).map_err(|e| ConfigError::Invalid(e.to_string()))?;
        let backend = match (raw.backend.as_str(), raw.base_url) {
            ("fake", _) => BackendConfig::Fake,
            ("http", Some(base_url)) => {
                if !(base_url.starts_with("http://")
                    || base_url.starts_with("https://")
                    || base_url.starts_with('/'))
                {
                    return Err(ConfigError::Invalid(format!(
                        "base_url {base_url:?} is not an http(s) URL or a path"
                    )));
                }
                BackendConfig::Http {
                    base_url,
                    timeout_ms: raw.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
                    test_clock: raw.test_clock,
                }
            }
            ("http", None) => {
                return Err(ConfigError::Invalid(
                    "the http backend needs a base_url".into(),
                ))
            }
            (other, _) => {
                return Err(ConfigError::Invalid(format!(
                    "unknown backend {other:?}: use \"fake\" or \"http\""
                )))
            }
        };
        Ok(Config {
            backend,
            brand: raw.brand,
        })
    }

    /// Fetches `/config.json` from the app's own origin.
    pub async fn load() -> Result<Config, ConfigError> {
        let response = gloo_net::http::Request::get("/config.json")
            .send()
            .await
            .map_err(|e| ConfigError::Unreachable(e.to_string()))?;
        if !response.ok() {
            return Err(ConfigError::Unreachable(format!(
                "HTTP {}",
                response.status()
            )));
        }
        let text = response
            .text()
            .await
            .map_err(|e| ConfigError::Unreachable(e.to_string()))?;
        Config::parse(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_backends_and_defaults_the_brand() {
        let fake = Config::parse(r#"{"backend":"fake"}"#);
        assert_eq!(
            fake.map(|c| (c.backend, c.brand)),
            Ok((BackendConfig::Fake, Brand::default()))
        );
        let http = Config::parse(r#"{"backend":"http","base_url":"http://127.0.0.1:8081"}"#);
        assert_eq!(
            http.map(|c| c.backend),
            Ok(BackendConfig::Http {
                base_url: "http://127.0.0.1:8081".into(),
                timeout_ms: 15_000,
                test_clock: false,
            })
        );
    }

    #[test]
    fn the_support_number_dials_its_digits() {
        let href = |phone: &str| {
            Brand {
                support_phone: phone.into(),
                ..Brand::default()
            }
            .support_tel_href()
        };
        assert_eq!(
            Brand::default().support_tel_href().as_deref(),
            Some("tel:0120000123")
        );
        assert_eq!(href(" 0120 000 456 ").as_deref(), Some("tel:0120000456"));
        assert_eq!(href("+81-3-0000-0000").as_deref(), Some("tel:+81300000000"));
        assert_eq!(href("お電話はこちら"), None);
        assert_eq!(href(""), None);
    }

    #[test]
    fn rejects_malformed_files() {
        for bad in [
            "",
            "{}",
            r#"{"backend":"carrier-pigeon"}"#,
            r#"{"backend":"http"}"#,
            r#"{"backend":"http","base_url":"ftp://x"}"#,
            "[1,2",
        ] {
            assert!(
                matches!(Config::parse(bad), Err(ConfigError::Invalid(_))),
                "{bad}"
            );
        }
    }
}
