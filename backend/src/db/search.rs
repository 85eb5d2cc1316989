//! Accent- and case-insensitive search that behaves the same on SQLite and PostgreSQL: each
//! searchable row keeps a folded copy of its text (`search_text`), and queries are folded the same
//! way, so "nguyen van" finds "Nguyễn Văn" and "dang" finds "Đặng".

/// Lower-case ASCII with Vietnamese diacritics removed (đ → d) and whitespace collapsed.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    for word in ascii.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// The folded text kept on a row, built from its searchable parts.
pub fn document<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let joined: Vec<&str> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    fold(&joined.join(" "))
}

/// Sort key for a Vietnamese personal name: by given name (the last word), then the whole name,
/// ignoring case and diacritics, as official lists are ordered ("Nguyễn Văn An" under A).
pub fn person_sort_key(full_name: &str) -> String {
    let folded = fold(full_name);
    let given = folded.rsplit(' ').next().unwrap_or("");
    format!("{given} {folded}")
}

/// `LIKE` patterns, one per word of the query, that a row must all match. Wildcards typed by the
/// user are escaped (with `\\`, so queries use `ESCAPE '\\'`).
pub fn like_patterns(query: &str) -> Vec<String> {
    fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|word| {
            let escaped = word
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("  Nguyễn   Văn  ĐẶNG "), "nguyen van dang");
        assert_eq!(
            fold("Trung tâm Trợ giúp pháp lý"),
            "trung tam tro giup phap ly"
        );
    }

    #[test]
    fn people_sort_by_given_name() {
        let mut names = vec![
            "Trần Văn Bình",
            "Nguyễn Văn An",
            "Đặng Thị Ánh",
            "nguyễn an",
        ];
        names.sort_by_key(|n| person_sort_key(n));
        // "An" before "Ánh" before "Bình", as a Vietnamese reader expects.
        assert_eq!(
            names,
            [
                "nguyễn an",
                "Nguyễn Văn An",
                "Đặng Thị Ánh",
                "Trần Văn Bình"
            ]
        );
    }

    #[test]
    fn patterns_escape_wildcards() {
        assert_eq!(
            like_patterns("Nguyễn 50%_x"),
            vec!["%nguyen%", "%50\\%\\_x%"]
        );
        assert!(like_patterns("   ").is_empty());
    }
}
