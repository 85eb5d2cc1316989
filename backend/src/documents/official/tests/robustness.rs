//! Long or odd input: long text flows over pages, characters XML cannot carry are dropped,
//! markup characters are escaped, and the output does not depend on anything but the input.

use super::docx_xml::{Package, table_rows};
use super::fixtures::{awardees, decision};
use crate::documents::official::{Awardee, AwardeeKind, quyet_dinh_khen_thuong, render};

#[test]
fn thousands_of_awardees_and_very_long_texts_are_all_written() {
    let mut input = decision();
    let long = "Có nhiều sáng kiến được áp dụng rộng rãi trong toàn ngành. ".repeat(40);
    input.awardees = (0..3000)
        .map(|i| Awardee {
            kind: if i % 10 == 0 {
                AwardeeKind::Collective
            } else {
                AwardeeKind::Individual
            },
            name: format!("Người thứ {i}"),
            position: Some("Chuyên viên".to_owned()),
            unit: "Văn phòng Sở".to_owned(),
            achievement: long.clone(),
            reward: Some(u64::MAX / 2),
        })
        .collect();
    input
        .grounds
        .push(format!("Căn cứ {}", "rất dài ".repeat(10_000)));
    let bytes = render(&quyet_dinh_khen_thuong(&input)).unwrap();
    let document = Package::open(&bytes).document();
    let table = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("Thành tích"))
        .unwrap();
    let rows = table_rows(table);
    // Header, two group rows, 3000 awardees, totals.
    assert_eq!(rows.len(), 1 + 2 + 3000 + 1);
    assert!(rows[2][3].starts_with("Có nhiều sáng kiến") && rows[2][3].len() == long.trim().len());
    // 3000 × (2^63 - 1) does not overflow the total.
    assert_eq!(rows.last().unwrap()[1], "27.670.116.110.564.327.421.000");
    assert!(
        document
            .all("w:p")
            .iter()
            .any(|p| p.text_content().len() > 80_000)
    );
}

#[test]
fn control_characters_are_dropped_and_markup_is_escaped() {
    let mut input = decision();
    input.awardees = awardees();
    input.awardees[0].name = "Bà <Phạm> & \"Thảo\"\u{0}\u{1b}\u{FFFF}".to_owned();
    input.occasion = "đã có thành tích\r\nxuất sắc".to_owned();
    let bytes = render(&quyet_dinh_khen_thuong(&input)).unwrap();
    let document = Package::open(&bytes).document();
    let table = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("Thành tích"))
        .unwrap();
    assert!(
        table_rows(table)
            .iter()
            .any(|r| r.get(1).is_some_and(|n| n == "Bà <Phạm> & \"Thảo\""))
    );
    // The line break is a w:br, not a character.
    let article = document
        .all("w:p")
        .into_iter()
        .find(|p| p.text_content().starts_with("Điều 1."))
        .unwrap();
    assert!(!article.all("w:br").is_empty());
    assert!(!article.text_content().contains('\r'));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let doc = quyet_dinh_khen_thuong(&decision());
    assert_eq!(render(&doc).unwrap(), render(&doc).unwrap());
}
