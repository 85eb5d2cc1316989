//! The punctuation the decree's documents expect at the end of their lines, applied to text
//! that comes from data: each căn cứ ends with ";", the last line before "QUYẾT ĐỊNH:" with ".",
//! a sentence with ".".

/// `text` ending with exactly one full stop (a trailing ";", "," or ":" becomes one).
pub(crate) fn sentence(text: &str) -> String {
    let bare = text
        .trim()
        .trim_end_matches(['.', ';', ',', ':'])
        .trim_end();
    if bare.is_empty() {
        String::new()
    } else {
        format!("{bare}.")
    }
}

/// The căn cứ, each ending with ";", then the proposal ending with "." (empty lines dropped).
pub(crate) fn grounds_and_proposal(grounds: &[String], proposal: &str) -> Vec<String> {
    let mut lines: Vec<String> = grounds
        .iter()
        .map(|g| {
            g.trim()
                .trim_end_matches(['.', ';', ','])
                .trim_end()
                .to_owned()
        })
        .filter(|g| !g.is_empty())
        .map(|g| format!("{g};"))
        .collect();
    let proposal = sentence(proposal);
    if !proposal.is_empty() {
        lines.push(proposal);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grounds_end_with_semicolons_and_the_proposal_with_a_full_stop() {
        let grounds = vec![
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022".to_owned(),
            "Căn cứ Nghị định số 152/2025/NĐ-CP;".to_owned(),
            "  ".to_owned(),
        ];
        let lines = grounds_and_proposal(&grounds, "Theo đề nghị của Chánh Văn phòng Sở;");
        assert_eq!(lines.len(), 3);
        assert!(lines[0].ends_with("năm 2022;"));
        assert_eq!(lines[1], "Căn cứ Nghị định số 152/2025/NĐ-CP;");
        assert_eq!(lines[2], "Theo đề nghị của Chánh Văn phòng Sở.");
        assert_eq!(sentence("  "), "");
    }
}
