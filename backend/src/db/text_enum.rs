//! Enumerations stored as text (the same on SQLite and PostgreSQL), serialised in snake_case, and
//! read and written by diesel as the enum itself (a row's column is typed, not a `String`).

/// Declares an enum with its stored/serialised names and Vietnamese labels:
/// `text_enum!(/** doc */ pub enum Stage { /** doc */ Discovered = "discovered" / "Phát hiện", … })`.
///
/// The OpenAPI description is the enum's doc comment followed by one line per value: its code,
/// its Vietnamese label and the variant's doc comment (see [`describe`]).
#[macro_export]
macro_rules! text_enum {
    ($(#[doc = $doc:literal])* pub enum $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $text:literal / $label:literal),+ $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        #[serde(rename_all = "snake_case")]
        #[schema(description = $crate::db::text_enum::describe(
            &[$($doc),*],
            &[$(($text, $label, &[$($vdoc),*])),+],
        ))]
        pub enum $name {
            $($(#[doc = $vdoc])* #[serde(rename = $text)] #[schema(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The Vietnamese name shown to people.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            pub fn parse(value: &str) -> Option<$name> {
                match value {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// Parses a stored value; an unknown one is a corrupt row.
            pub fn from_db(value: &str) -> Result<$name, $crate::error::AppError> {
                $name::parse(value).ok_or_else(|| {
                    $crate::error::AppError::internal(format!("unknown {} value {value:?} in the database", stringify!($name)))
                })
            }

            /// Finds the value whose Vietnamese label (or code) matches, ignoring case and diacritics.
            pub fn from_label(value: &str) -> Option<$name> {
                let folded = $crate::db::search::fold(value);
                $name::ALL.iter().copied().find(|v| {
                    $crate::db::search::fold(v.label()) == folded || v.as_str() == folded
                })
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, $crate::db::DbBackend> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, $crate::db::DbBackend>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, $crate::db::DbBackend>>::to_sql(self.as_str(), out)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, $crate::db::DbBackend> for $name {
            fn from_sql(
                value: <$crate::db::DbBackend as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, $crate::db::DbBackend>>::from_sql(value)?;
                $name::parse(&text)
                    .ok_or_else(|| format!("unknown {} value {text:?} in the database", stringify!($name)).into())
            }
        }
    };
}

/// Joins doc-comment lines the way rustdoc shows them (one leading space dropped).
fn doc_text(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// An enum's OpenAPI description: its doc comment, then a list with each value's code, label and
/// doc comment, so that every value is explained in the contract (`- `on_time`: Đúng hạn.`).
pub fn describe(doc: &[&str], values: &[(&str, &str, &[&str])]) -> String {
    let mut text = doc_text(doc);
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    let lines: Vec<String> = values
        .iter()
        .map(|(code, label, value_doc)| {
            let value_doc = doc_text(value_doc).replace('\n', " ");
            if value_doc.is_empty() {
                format!("- `{code}`: {label}.")
            } else {
                format!("- `{code}`: {label}. {value_doc}")
            }
        })
        .collect();
    text.push_str(&lines.join("\n"));
    text
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn describes_the_enum_then_every_value() {
        let text = describe(
            &[" Where a cell stands.", " Second line."],
            &[
                ("on_time", "Đúng hạn", &[]),
                (
                    "pending",
                    "Chưa đến hạn",
                    &[" The deadline has", " not passed yet."],
                ),
            ],
        );
        assert_eq!(
            text,
            "Where a cell stands.\nSecond line.\n\n- `on_time`: Đúng hạn.\n- `pending`: Chưa đến hạn. The deadline has not passed yet."
        );
        assert_eq!(describe(&[], &[("a", "A", &[])]), "- `a`: A.");
    }
}
