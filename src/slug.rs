//! Enums whose variants have a stable text name (a "slug"), used in URLs, configuration,
//! content files and CSS classes.

/// Declares a fieldless enum with its slugs in one list. `ALL`, `slug`, `from_slug` and a
/// [`Decode`](crate::json::Decode) by slug all come from that list, so adding a variant is one line
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
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

        impl $crate::json::Decode for $name {
            fn decode(node: $crate::json::Node<'_>) -> Result<Self, $crate::json::Error> {
                node.choice(&[$($slug),*]).map(|i| Self::ALL[i])
            }
        }
    };
}

pub(crate) use slug_enum;
