//! Serde for enums of unit variants, as the plain strings the API's JSON
//! carries (`"borrowing"`, `"not_digits"`).
//!
//! serde's derive reads such an enum through `Deserializer::deserialize_enum`,
//! which also accepts the `{"name": null}` form nobody sends, and that code
//! is compiled again for every enum: about 1.5 KB of wasm each, and the
//! error types' problems alone put a dozen of them in the main module. The
//! contract only ever carries the string, so [`wire_names!`] reads a
//! `String` (one reader shared by every enum) and matches it.
//!
//! Each name is written once, next to its variant. The match that gives a
//! variant its name is exhaustive, so a variant without a name does not
//! compile; `crates/api/tests/wire_names.rs` pins every name the contract
//! (`openapi/openapi.yaml`) lists.
//!
//! [`time`] reads the contract's dates and times the same way.

pub mod time;

/// Implements `Serialize`, `Deserialize`, `wire_name` and `from_wire_name` for an enum of unit
/// variants: `wire_names!(EntryKind { Borrowing = "borrowing", Repayment = "repayment" });`
/// An unknown name is refused with serde's usual "unknown variant" error.
#[macro_export]
macro_rules! wire_names {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $ty {
            /// This value's name in the API's JSON.
            pub const fn wire_name(&self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }

            /// The value a name in the API's JSON stands for.
            pub fn from_wire_name(name: &str) -> ::core::option::Option<Self> {
                match name {
                    $($name => ::core::option::Option::Some(Self::$variant),)+
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl $crate::__serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__serde::Serializer,
            {
                serializer.serialize_str(self.wire_name())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__serde::Deserializer<'de>,
            {
                let name: ::std::string::String =
                    $crate::__serde::Deserialize::deserialize(deserializer)?;
                Self::from_wire_name(&name).ok_or_else(|| {
                    <D::Error as $crate::__serde::de::Error>::unknown_variant(&name, &[$($name),+])
                })
            }
        }
    };
}
