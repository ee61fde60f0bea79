//! Enums whose variants have a stable text name (a "slug"), used in URLs, configuration,
//! content files and CSS classes.

/// Declares a fieldless enum with its slugs in one list. `ALL`, `slug`, `from_slug` and
/// serde's `Deserialize` by slug all come from that list, so adding a variant is one line
/// (attributes such as `#[derive(Default)]` / `#[default]` pass through):
///
/// ```ignore
/// slug_enum! {
///     /// Which crisis lines lead the banner.
///     pub enum Region { Us = "us", Uk = "uk" }
/// }
/// ```
macro_rules! slug_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $slug:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
        // Read as text, so an unknown slug is named with the accepted ones.
        #[serde(try_from = "String")]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; [$($slug),*].len()] = [$($name::$variant),*];

            pub fn slug(self) -> &'static str {
                match self {
                    $( $name::$variant => $slug, )*
                }
            }

            pub fn from_slug(s: &str) -> Option<Self> {
                match s {
                    $( $slug => Some($name::$variant), )*
                    _ => None,
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;

            /// `"surgery" is not one of "medication", "stimulation", …`
            fn try_from(text: String) -> Result<Self, String> {
                Self::from_slug(&text).ok_or_else(|| $crate::slug::not_one_of(&text, &[$($slug),*]))
            }
        }
    };
}

pub(crate) use slug_enum;

/// The message for text that names none of `slugs`.
pub(crate) fn not_one_of(text: &str, slugs: &[&str]) -> String {
    let quoted: Vec<String> = slugs.iter().map(|s| format!("\"{s}\"")).collect();
    format!("\"{text}\" is not one of {}", quoted.join(", "))
}
