use super::checks::assert_times_new_roman;
use super::docx_xml::{Node, Package, alignment, look, paragraph, run_with};
use super::fixtures::{awardees, decision};
use crate::documents::official::layout::mm_to_twips;
use crate::documents::official::{
    CertificateField, CertificateLayout, CertificateMode, CertificatePage, DocumentError,
    FieldAlign, GiayKhen, giay_khen, render_certificate,
};

fn thao() -> GiayKhen {
    giay_khen(&decision(), &awardees()[0])
}

fn assert_page(document: &Node, width: &str, height: &str, orient: Option<&str>) {
    let size = document.all("w:pgSz")[0];
    assert_eq!(
        (size.attr("w:w"), size.attr("w:h"), size.attr("w:orient")),
        (Some(width), Some(height), orient)
    );
}

#[test]
fn a_certificate_takes_the_decision_s_number_date_signer_and_the_awardee_s_achievement() {
    let cert = thao();
    assert_eq!(
        cert.field_text(CertificateField::RecipientName),
        "Bà Phạm Thị Thảo"
    );
    assert_eq!(
        cert.field_text(CertificateField::DecisionNumber),
        "Số: 05/QĐ-STP"
    );
    assert_eq!(
        cert.field_text(CertificateField::DateLine),
        "Đồng Tháp, ngày 05 tháng 01 năm 2026"
    );
    assert_eq!(cert.field_text(CertificateField::Day), "05");
    assert_eq!(cert.field_text(CertificateField::Month), "01");
    assert_eq!(cert.field_text(CertificateField::Year), "2026");
    assert_eq!(
        cert.field_text(CertificateField::Achievement),
        "Hoàn thành xuất sắc nhiệm vụ năm 2025."
    );
    assert_eq!(
        cert.field_text(CertificateField::SignerAuthority),
        "KT. GIÁM ĐỐC"
    );
    assert_eq!(
        cert.field_text(CertificateField::IssuerTitle),
        "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP"
    );
    // An awardee without an achievement of their own gets the decision's.
    let minh = giay_khen(&decision(), &awardees()[2]);
    assert_eq!(
        minh.field_text(CertificateField::Achievement),
        "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025."
    );
}

#[test]
fn the_full_certificate_is_one_landscape_page_with_everything_centred() {
    let bytes = render_certificate(&thao(), &CertificateMode::Full).unwrap();
    let package = Package::open(&bytes);
    assert_times_new_roman(&package);
    let document = package.document();
    assert_page(&document, "16838", "11906", Some("landscape"));
    assert!(
        document.all("w:headerReference").is_empty(),
        "no page number on a certificate"
    );

    for (text, size, bold, italic) in [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 14.0, true, false),
        ("Độc lập - Tự do - Hạnh phúc", 15.0, true, false),
        ("GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP", 16.0, true, false),
        ("TẶNG", 16.0, true, false),
        ("GIẤY KHEN", 40.0, true, false),
        ("Bà Phạm Thị Thảo", 24.0, true, false),
        ("Trợ giúp viên pháp lý", 15.0, false, false),
        (
            "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp",
            15.0,
            false,
            false,
        ),
        ("Hoàn thành xuất sắc nhiệm vụ năm 2025.", 16.0, false, true),
        ("Số: 05/QĐ-STP", 13.0, false, false),
        ("Đồng Tháp, ngày 05 tháng 01 năm 2026", 14.0, false, true),
        ("KT. GIÁM ĐỐC", 14.0, true, false),
        ("PHÓ GIÁM ĐỐC", 14.0, true, false),
        ("Nguyễn Tấn Phong", 14.0, true, false),
    ] {
        let p = paragraph(&document, text);
        assert_eq!(look(run_with(p, text)), (size, bold, italic), "{text}");
        assert_eq!(alignment(p), Some("center"), "{text}");
    }
}

/// The framed paragraphs of `document`: text, then its frame.
fn frames(document: &Node) -> Vec<(String, &Node, &Node)> {
    document
        .all("w:p")
        .into_iter()
        .filter_map(|p| {
            let frame = p.child("w:pPr")?.child("w:framePr")?;
            Some((p.text_content(), frame, p))
        })
        .collect()
}

#[test]
fn on_a_blank_each_field_is_printed_alone_in_a_frame_at_its_configured_place() {
    let layout = CertificateLayout::default();
    let cert = thao();
    let bytes = render_certificate(&cert, &CertificateMode::Blank(layout.clone())).unwrap();
    let package = Package::open(&bytes);
    assert_times_new_roman(&package);
    let document = package.document();
    assert_page(&document, "16838", "11906", Some("landscape"));

    let frames = frames(&document);
    assert_eq!(frames.len(), layout.fields.len());
    for (position, (text, frame, p)) in layout.fields.iter().zip(&frames) {
        assert_eq!(text, &cert.field_text(position.field));
        let twips = |mm: f64| mm_to_twips(mm).to_string();
        assert_eq!(
            frame.attr("w:x"),
            Some(twips(position.x_mm).as_str()),
            "{:?}",
            position.field
        );
        assert_eq!(
            frame.attr("w:y"),
            Some(twips(position.y_mm).as_str()),
            "{:?}",
            position.field
        );
        assert_eq!(
            frame.attr("w:w"),
            Some(twips(position.width_mm).as_str()),
            "{:?}",
            position.field
        );
        assert_eq!(frame.attr("w:hAnchor"), Some("page"));
        assert_eq!(frame.attr("w:vAnchor"), Some("page"));
        let run = p.all("w:r")[0];
        assert_eq!(
            look(run),
            (position.font_size_pt, position.bold, position.italic),
            "{:?}",
            position.field
        );
        assert_eq!(alignment(p), Some("center"));
    }
    // The recipient's box at (30 mm, 92 mm): 1701 and 5216 twips.
    assert_eq!(
        (frames[0].1.attr("w:x"), frames[0].1.attr("w:y")),
        (Some("1701"), Some("5216"))
    );
    // Nothing else is printed: the blank has it.
    let printed: Vec<String> = document
        .all("w:p")
        .iter()
        .map(|p| p.text_content())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(printed.len(), frames.len());
    assert!(
        !printed
            .iter()
            .any(|t| t.contains("CỘNG HÒA") || t.contains("GIẤY KHEN"))
    );
}

#[test]
fn a_layout_stored_as_json_places_day_month_and_year_on_a_portrait_blank() {
    let json = r#"{
        "page": "a4_portrait",
        "fields": [
            {"field": "recipient_name", "xMm": 20, "yMm": 120.5, "widthMm": 170, "fontSizePt": 22, "bold": true},
            {"field": "day", "xMm": 120, "yMm": 240, "widthMm": 12, "fontSizePt": 14, "italic": true, "align": "left"},
            {"field": "month", "xMm": 145, "yMm": 240, "widthMm": 12, "fontSizePt": 14, "italic": true, "align": "right"},
            {"field": "year", "xMm": 170, "yMm": 240, "widthMm": 18, "fontSizePt": 14, "italic": true},
            {"field": "register_number", "xMm": 20, "yMm": 270, "widthMm": 30, "fontSizePt": 12}
        ]
    }"#;
    let layout: CertificateLayout = serde_json::from_str(json).unwrap();
    assert_eq!(layout.page, CertificatePage::A4Portrait);
    assert_eq!(layout.fields[1].align, FieldAlign::Left);
    let bytes = render_certificate(&thao(), &CertificateMode::Blank(layout)).unwrap();
    let document = Package::open(&bytes).document();
    assert_page(&document, "11906", "16838", Some("portrait"));
    let frames = frames(&document);
    // The register number is empty: nothing is printed for it.
    let found: Vec<(&str, Option<&str>, Option<&str>, Option<&str>)> = frames
        .iter()
        .map(|(text, frame, p)| {
            (
                text.as_str(),
                frame.attr("w:x"),
                frame.attr("w:y"),
                alignment(p),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "Bà Phạm Thị Thảo",
                Some("1134"),
                Some("6831"),
                Some("center")
            ),
            ("05", Some("6803"), Some("13606"), Some("left")),
            ("01", Some("8220"), Some("13606"), Some("right")),
            ("2026", Some("9638"), Some("13606"), Some("center")),
        ]
    );
}

#[test]
fn a_layout_off_the_sheet_is_refused_before_anything_is_written() {
    let mut layout = CertificateLayout::default();
    layout.fields[4].y_mm = 250.0;
    let result = render_certificate(&thao(), &CertificateMode::Blank(layout));
    assert!(matches!(
        result,
        Err(DocumentError::CertificateLayout {
            field: CertificateField::DecisionNumber,
            ..
        })
    ));
}
