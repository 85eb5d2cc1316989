//! Numbers as Vietnamese documents write them: "2.340.000" (dots between thousands), "85,71%"
//! (decimal comma), and amounts in words for "(Bằng chữ: …)".

/// "2.340.000" for 2340000.
pub fn format_dong(amount: u128) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// `part / whole` as a percentage with two decimals and a decimal comma: "85,71%"; whole
/// numbers without decimals ("100%", "50%"). A zero `whole` gives "0%".
pub fn format_percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    // Hundredths of a per cent, rounded half up; u128 so that no count overflows.
    let hundredths = (u128::from(part) * 10_000 * 2 + u128::from(whole)) / (u128::from(whole) * 2);
    let (units, decimals) = (hundredths / 100, hundredths % 100);
    if decimals == 0 {
        format!("{units}%")
    } else if decimals % 10 == 0 {
        format!("{units},{}%", decimals / 10)
    } else {
        format!("{units},{decimals:02}%")
    }
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];
/// Group names by power of a thousand; past "tỷ" they repeat ("nghìn tỷ", "triệu tỷ").
const GROUPS: [&str; 7] = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"];

/// "Hai triệu ba trăm bốn mươi nghìn đồng" for 2340000.
pub fn amount_in_words(amount: u64) -> String {
    if amount == 0 {
        return "Không đồng".to_owned();
    }
    let mut groups = Vec::new();
    let mut rest = amount;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<String> = Vec::new();
    let top = groups.len() - 1;
    for (index, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        words.push(read_group(group, index != top));
        if let Some(name) = GROUPS.get(index).filter(|name| !name.is_empty()) {
            words.push((*name).to_owned());
        }
    }
    words.push("đồng".to_owned());
    super::text::capitalize(&words.join(" "))
}

/// Three digits read aloud; `full` reads the hundreds and a "linh" even when they are zero, as
/// a group after the first must be ("một triệu không trăm linh năm").
fn read_group(group: u64, full: bool) -> String {
    let digit = |d: u64| {
        DIGITS
            .get(usize::try_from(d).unwrap_or(0))
            .copied()
            .unwrap_or("")
    };
    let (hundreds, tens, units) = (group / 100, group / 10 % 10, group % 10);
    let mut words = Vec::new();
    if full || hundreds > 0 {
        words.push(digit(hundreds));
        words.push("trăm");
    }
    match tens {
        0 if units > 0 && (full || hundreds > 0) => words.push("linh"),
        0 => {}
        1 => words.push("mười"),
        t => {
            words.push(digit(t));
            words.push("mươi");
        }
    }
    match units {
        0 => {}
        1 if tens >= 2 => words.push("mốt"),
        4 if tens >= 2 => words.push("tư"),
        5 if tens >= 1 => words.push("lăm"),
        u => words.push(digit(u)),
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_have_dots_between_thousands() {
        assert_eq!(format_dong(0), "0");
        assert_eq!(format_dong(702), "702");
        assert_eq!(format_dong(2_340_000), "2.340.000");
        assert_eq!(format_dong(18_720_000), "18.720.000");
        assert_eq!(format_dong(1_000_000_000), "1.000.000.000");
    }

    #[test]
    fn percentages_use_a_decimal_comma() {
        assert_eq!(format_percent(7, 9), "77,78%");
        assert_eq!(format_percent(9, 9), "100%");
        assert_eq!(format_percent(1, 2), "50%");
        assert_eq!(format_percent(1, 8), "12,5%");
        assert_eq!(format_percent(3, 0), "0%");
        assert_eq!(format_percent(u64::MAX, u64::MAX), "100%");
    }

    #[test]
    fn amounts_in_words() {
        assert_eq!(
            amount_in_words(2_340_000),
            "Hai triệu ba trăm bốn mươi nghìn đồng"
        );
        assert_eq!(amount_in_words(702_000), "Bảy trăm linh hai nghìn đồng");
        assert_eq!(
            amount_in_words(1_000_005),
            "Một triệu không trăm linh năm đồng"
        );
        assert_eq!(amount_in_words(15), "Mười lăm đồng");
        assert_eq!(amount_in_words(21), "Hai mươi mốt đồng");
        assert_eq!(amount_in_words(11), "Mười một đồng");
        assert_eq!(amount_in_words(44), "Bốn mươi tư đồng");
        assert_eq!(amount_in_words(105), "Một trăm linh năm đồng");
        assert_eq!(
            amount_in_words(4_680_000),
            "Bốn triệu sáu trăm tám mươi nghìn đồng"
        );
        assert_eq!(amount_in_words(1_000_000_000), "Một tỷ đồng");
        assert_eq!(amount_in_words(0), "Không đồng");
        assert!(amount_in_words(u64::MAX).starts_with("Mười tám tỷ tỷ"));
    }
}
