//! A rough width of a line of Times New Roman, to size the rules drawn under the agency name,
//! the tiêu ngữ and the trích yếu (the decree ties their length to the text above them).
//!
//! It uses the Adobe core-font advance widths of Times Roman and Times Bold (the metrics Times
//! New Roman was made to match) for the base letter, ignoring diacritics, which do not widen a
//! Vietnamese letter. An estimate within a few per cent is all a rule needs.

/// Advance widths in 1/1000 em of the printable ASCII characters, from space (0x20) to `~`.
const REGULAR: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250,
    278, // space … /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, // 0 … 9
    278, 278, 564, 564, 564, 444, 921, // : … @
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, // A … M
    722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, // N … Z
    333, 278, 333, 469, 500, 333, // [ … `
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, // a … m
    500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, // n … z
    480, 200, 480, 541, // { … ~
];

const BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250,
    278, // space … /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, // 0 … 9
    333, 333, 570, 570, 570, 500, 930, // : … @
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, // A … M
    722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, // N … Z
    333, 278, 333, 581, 500, 333, // [ … `
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, // a … m
    556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, // n … z
    394, 220, 394, 520, // { … ~
];

/// The width of `text` set at `size_pt` points, in twips.
pub(crate) fn text_width_twips(text: &str, size_pt: u8, bold: bool) -> i32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let em_thousandths: u64 = text.chars().map(|c| u64::from(advance(c, table))).sum();
    // 1 pt = 20 twips.
    let twips = em_thousandths * u64::from(size_pt) * 20 / 1000;
    i32::try_from(twips).unwrap_or(i32::MAX)
}

fn advance(c: char, table: &[u16; 95]) -> u16 {
    let base = match c {
        'Đ' => 'D',
        'đ' => 'd',
        c if c.is_ascii() => c,
        c => deunicode::deunicode_char(c)
            .and_then(|s| s.chars().next())
            .unwrap_or('n'),
    };
    let index = u32::from(base).wrapping_sub(0x20);
    usize::try_from(index)
        .ok()
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or(500)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_national_name_at_13_bold_is_about_9_6_cm() {
        let twips = text_width_twips("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, true);
        // 9.6 cm = 5443 twips.
        assert!((5300..5600).contains(&twips), "{twips}");
    }

    #[test]
    fn diacritics_do_not_change_the_width() {
        assert_eq!(
            text_width_twips("Độc lập", 14, true),
            text_width_twips("Doc lap", 14, true)
        );
        assert!(text_width_twips("A", 14, true) > text_width_twips("i", 14, true));
        assert_eq!(text_width_twips("", 14, false), 0);
    }
}
