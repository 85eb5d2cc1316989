//! The ready-to-post texts of a published exemplar: a short one for Zalo, a longer one for
//! Facebook, each with the public page's address and hashtags, in Vietnamese.

use unicode_normalization::UnicodeNormalization;

use super::layout::ELLIPSIS;

/// What the texts are made of.
#[derive(Debug, Clone)]
pub struct ShareFacts<'a> {
    pub name: &'a str,
    pub unit: &'a str,
    /// The category's label ("Điển hình tiên tiến").
    pub category: &'a str,
    /// The text the public reads.
    pub public_summary: &'a str,
    pub movements: &'a [String],
    pub department: &'a str,
    pub public_url: &'a str,
}

/// Zalo messages are read on a phone: a short headline.
pub const ZALO_HEADLINE: usize = 220;
/// Facebook posts take a paragraph.
pub const FACEBOOK_HEADLINE: usize = 600;
/// The card's headline.
pub const CARD_HEADLINE: usize = 280;

/// `text` on one line, cut at the last word boundary within `max_chars` characters, with "…"
/// when something was cut.
pub fn clip_words(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_boundary = text
        .chars()
        .nth(max_chars)
        .is_some_and(|c| !c.is_alphanumeric());
    let kept = if at_boundary {
        cut.as_str()
    } else {
        cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head)
    };
    format!(
        "{}{ELLIPSIS}",
        kept.trim_end_matches([',', ';', ':', '.', ' ', '-', '–'])
    )
}

/// `#TừngTừViếtHoaLiền`: the words' letters and digits, each word capitalised, diacritics kept
/// (Zalo and Facebook link them).
pub fn hashtag(phrase: &str) -> Option<String> {
    let composed: String = phrase.nfc().collect();
    let mut tag = String::from("#");
    for word in composed.split(|c: char| !c.is_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            tag.extend(first.to_uppercase());
            tag.extend(chars);
        }
    }
    (tag.chars().count() > 2).then_some(tag)
}

/// The category, the programme, the Department and the movements, at most six, no repeats.
pub fn hashtags(facts: &ShareFacts<'_>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let phrases = [facts.category, "Lan Tỏa", facts.department]
        .into_iter()
        .chain(facts.movements.iter().map(String::as_str));
    for tag in phrases.filter_map(hashtag) {
        if !tags.contains(&tag) && tags.len() < 6 {
            tags.push(tag);
        }
    }
    tags
}

/// The Zalo message: who, where, a short headline, the link, the hashtags.
pub fn zalo(facts: &ShareFacts<'_>, tags: &[String]) -> String {
    format!(
        "{}: {} – {}\n\n{}\n\nXem chi tiết: {}\n{}",
        facts.category.to_uppercase(),
        facts.name,
        facts.unit,
        clip_words(facts.public_summary, ZALO_HEADLINE),
        facts.public_url,
        tags.join(" ")
    )
}

/// The Facebook post: a title, a paragraph, the movements, the link, the hashtags.
pub fn facebook(facts: &ShareFacts<'_>, tags: &[String]) -> String {
    let movements = if facts.movements.is_empty() {
        String::new()
    } else {
        format!("\nPhong trào thi đua: {}.\n", facts.movements.join("; "))
    };
    format!(
        "[{}] {}\n{}\n\n{}\n{movements}\nCùng {} lan tỏa những tấm gương tiêu biểu, học tập và làm theo.\nXem chi tiết: {}\n\n{}",
        facts.category.to_uppercase(),
        facts.name,
        facts.unit,
        clip_words(facts.public_summary, FACEBOOK_HEADLINE),
        facts.department,
        facts.public_url,
        tags.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_stops_at_a_word_boundary() {
        assert_eq!(clip_words("Ngắn gọn.", 50), "Ngắn gọn.");
        assert_eq!(
            clip_words("Thực hiện 186 vụ việc trợ giúp pháp lý", 20),
            "Thực hiện 186 vụ…"
        );
        assert_eq!(
            clip_words("Thực hiện 186 vụ, việc", 16),
            "Thực hiện 186 vụ…"
        );
        assert_eq!(
            clip_words("  nhiều   khoảng\ntrắng  ", 50),
            "nhiều khoảng trắng"
        );
        assert!(clip_words(&"ấ".repeat(300), 10).chars().count() <= 11);
    }

    #[test]
    fn hashtags_keep_vietnamese_letters() {
        assert_eq!(
            hashtag("Điển hình tiên tiến").as_deref(),
            Some("#ĐiểnHìnhTiênTiến")
        );
        assert_eq!(
            hashtag("Sở Tư pháp tỉnh Đồng Tháp").as_deref(),
            Some("#SởTưPhápTỉnhĐồngTháp")
        );
        assert_eq!(hashtag("\"Dân vận khéo\"").as_deref(), Some("#DânVậnKhéo"));
        assert_eq!(hashtag(" – "), None);
    }

    #[test]
    fn the_texts_name_the_exemplar_and_link_its_page() {
        let movements = vec!["Bình dân học vụ số".to_owned()];
        let facts = ShareFacts {
            name: "Nguyễn Thị Hồng Nhung",
            unit: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp",
            category: "Điển hình tiên tiến",
            public_summary: &"Trực tiếp thực hiện 186 vụ việc trợ giúp pháp lý. ".repeat(30),
            movements: &movements,
            department: "Sở Tư pháp tỉnh Đồng Tháp",
            public_url: "https://stp.dongthap.gov.vn/cong-khai/guong-dien-hinh/7",
        };
        let tags = hashtags(&facts);
        assert_eq!(
            tags,
            [
                "#ĐiểnHìnhTiênTiến",
                "#LanTỏa",
                "#SởTưPhápTỉnhĐồngTháp",
                "#BìnhDânHọcVụSố"
            ]
        );
        for text in [zalo(&facts, &tags), facebook(&facts, &tags)] {
            assert!(text.contains("Nguyễn Thị Hồng Nhung"));
            assert!(text.contains("Trung tâm Trợ giúp pháp lý"));
            assert!(text.contains(facts.public_url));
            assert!(text.contains("#LanTỏa"));
            assert!(text.contains(ELLIPSIS));
        }
        assert!(zalo(&facts, &tags).chars().count() < facebook(&facts, &tags).chars().count());
        assert!(facebook(&facts, &tags).contains("Phong trào thi đua: Bình dân học vụ số."));
    }
}
