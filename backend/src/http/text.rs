//! Control characters in text from clients. NUL breaks PostgreSQL text columns and the others
//! have no business in names and notes; tab, CR and LF are allowed where text spans lines.

use crate::error::FieldError;

/// Whether `c` is refused: every C0 and C1 control character and DEL, except tab, CR and LF
/// when `multiline`.
pub fn is_refused(c: char, multiline: bool) -> bool {
    c.is_control() && !(multiline && matches!(c, '\t' | '\n' | '\r'))
}

/// The field error for `value` of `field` when it holds a refused character.
pub fn control_character_error(field: &str, value: &str, multiline: bool) -> Option<FieldError> {
    value.chars().any(|c| is_refused(c, multiline)).then(|| {
        FieldError::new(
            field,
            "control_character",
            "Có ký tự điều khiển (ví dụ NUL) không được phép.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_controls_are_refused_line_breaks_only_in_multiline_text() {
        assert!(control_character_error("name", "a\u{0}b", true).is_some());
        assert!(control_character_error("name", "a\u{7}b", true).is_some());
        assert!(control_character_error("name", "a\u{85}b", true).is_some());
        assert!(control_character_error("name", "a\u{7f}b", true).is_some());
        assert!(control_character_error("note", "dòng 1\r\n\tdòng 2", true).is_none());
        assert!(control_character_error("q", "dòng 1\ndòng 2", false).is_some());
        assert!(control_character_error("q", "Nguyễn Văn Á", false).is_none());
    }
}
