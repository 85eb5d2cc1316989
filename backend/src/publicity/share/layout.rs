//! Lines of text that fit a box: words wrapped at spaces, a word too long for a line broken
//! between letters (never before a combining mark), and the last line that fits ended with "…"
//! when the text goes on. Widths come from the face itself ([`Face::width`]).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::fonts::Face;

pub const ELLIPSIS: char = '…';

/// Kerning and shaping can make a line a little wider than the sum of its advances.
const SAFETY: f32 = 0.97;

/// Text as the card draws it: composed (NFC, so that "ỗ" is one designed glyph even when typed
/// as o + circumflex + tilde), on one line, spaces collapsed.
pub fn normalized(text: &str) -> String {
    let composed: String = text.nfc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Breaks `word` into pieces no wider than `width`, keeping combining marks on their letter.
fn break_word(face: &Face, word: &str, size: f32, width: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        let mut candidate = piece.clone();
        candidate.push(c);
        if !piece.is_empty() && !is_combining_mark(c) && face.width(&candidate, size) > width {
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        } else {
            piece = candidate;
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// `line` shortened until it fits `width` with "…" after it.
fn with_ellipsis(face: &Face, line: &str, size: f32, width: f32) -> String {
    let mut words: Vec<&str> = line.split(' ').collect();
    loop {
        let candidate = format!(
            "{}{ELLIPSIS}",
            words.join(" ").trim_end_matches([',', ';', ':', '.', ' '])
        );
        if face.width(&candidate, size) <= width || words.len() <= 1 {
            if face.width(&candidate, size) <= width {
                return candidate;
            }
            // One word alone too wide: cut it letter by letter.
            let mut chars: Vec<char> = words
                .first()
                .map(|w| w.chars().collect())
                .unwrap_or_default();
            while !chars.is_empty() {
                chars.pop();
                while chars.last().is_some_and(|c| is_combining_mark(*c)) {
                    chars.pop();
                }
                let cut = format!("{}{ELLIPSIS}", chars.iter().collect::<String>());
                if face.width(&cut, size) <= width {
                    return cut;
                }
            }
            return ELLIPSIS.to_string();
        }
        words.pop();
    }
}

/// At most `max_lines` lines of `text` at `size` pixels, each at most `width` wide.
pub fn wrap(face: &Face, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let width = width * SAFETY;
    let text = normalized(text);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words = text.split(' ').filter(|w| !w.is_empty()).peekable();
    let mut overflow = false;
    while let Some(word) = words.next() {
        let pieces = if face.width(word, size) > width {
            break_word(face, word, size, width)
        } else {
            vec![word.to_owned()]
        };
        for piece in pieces {
            let candidate = if line.is_empty() {
                piece.clone()
            } else {
                format!("{line} {piece}")
            };
            if face.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            lines.push(std::mem::take(&mut line));
            line = piece;
            if lines.len() == max_lines {
                overflow = true;
                break;
            }
        }
        if overflow {
            break;
        }
        if words.peek().is_none() && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        overflow = true;
    }
    if overflow && let Some(last) = lines.last_mut() {
        *last = with_ellipsis(face, last, size, width);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publicity::share::fonts::Weight;

    #[test]
    fn short_text_stays_on_one_line() {
        let face = Face::of(Weight::Regular);
        assert_eq!(
            wrap(&face, "  Nguyễn   Thị Hồng Nhung ", 30.0, 600.0, 2),
            ["Nguyễn Thị Hồng Nhung"]
        );
        assert!(wrap(&face, "   ", 30.0, 600.0, 2).is_empty());
    }

    #[test]
    fn long_text_wraps_within_the_width_and_ends_with_an_ellipsis() {
        let face = Face::of(Weight::Regular);
        let text = "Từ đầu năm 2025 đến nay trực tiếp thực hiện 186 vụ việc trợ giúp pháp lý, trong đó 42 vụ việc tham gia tố tụng cho người nghèo, người dân tộc thiểu số và trẻ em; 100% người được trợ giúp đánh giá hài lòng.";
        let lines = wrap(&face, text, 26.0, 500.0, 3);
        assert_eq!(lines.len(), 3);
        for line in &lines {
            assert!(face.width(line, 26.0) <= 500.0, "{line}");
        }
        assert!(lines[2].ends_with(ELLIPSIS), "{lines:?}");
        assert!(!lines[0].ends_with(' ') && !lines[1].starts_with(' '));
        // Nothing is lost before the cut.
        assert!(text.starts_with(&format!("{} {}", lines[0], lines[1])));
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_letters() {
        let face = Face::of(Weight::Bold);
        let word = "Nguyễnthịhồngnhungtrợgiúpviênpháplýhạngii";
        let lines = wrap(&face, word, 52.0, 300.0, 10);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), word);
        for line in &lines {
            assert!(face.width(line, 52.0) <= 300.0, "{line}");
        }
        let clipped = wrap(&face, word, 52.0, 300.0, 1);
        assert_eq!(clipped.len(), 1);
        assert!(clipped[0].ends_with(ELLIPSIS));
    }

    #[test]
    fn decomposed_text_is_composed_first() {
        let decomposed = "Nguye\u{302}\u{303}n";
        assert_eq!(normalized(decomposed), "Nguyễn");
        let face = Face::of(Weight::Regular);
        assert_eq!(wrap(&face, decomposed, 20.0, 400.0, 1), ["Nguyễn"]);
    }
}
