//! Files an attacker uploads: spreadsheets that declare or hold absurd ranges, ZIP bombs, CSVs of
//! millions of cells and multipart bodies of many parts are refused with a problem before the
//! server materialises them, and the server keeps answering.

use std::io::{Cursor, Read, Write};

use lantoa_tests::{Res, TestApp, db_test};
use zip::write::SimpleFileOptions;

use crate::support::{create_exemplar, post_multipart};

const HEADER: [&str; 6] = [
    "Tên điển hình",
    "Đối tượng",
    "Phân loại",
    "Lĩnh vực",
    "Thành tích",
    "Ngày phát hiện",
];

/// A real workbook made by a spreadsheet writer, with its first sheet's XML replaced by `sheet`
/// and the extra entries added.
fn workbook_with(sheet: Option<&str>, extra: &[(&str, u64)]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let worksheet = workbook.add_worksheet();
    for (col, title) in HEADER.iter().enumerate() {
        worksheet.write_string(0, col as u16, *title).unwrap();
    }
    let original = workbook.save_to_buffer().unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(original)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == "xl/worksheets/sheet1.xml"
            && let Some(sheet) = sheet
        {
            content = sheet.as_bytes().to_vec();
        }
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(&content).unwrap();
    }
    for (name, zeros) in extra {
        out.start_file(*name, SimpleFileOptions::default()).unwrap();
        let chunk = vec![0u8; 1024 * 1024];
        for _ in 0..zeros / chunk.len() as u64 {
            out.write_all(&chunk).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

fn sheet_xml(dimension: Option<&str>, rows: &str) -> String {
    let dimension = dimension
        .map(|d| format!(r#"<dimension ref="{d}"/>"#))
        .unwrap_or_default();
    let header: String = HEADER
        .iter()
        .enumerate()
        .map(|(i, h)| {
            format!(
                r#"<c r="{}1" t="inlineStr"><is><t>{h}</t></is></c>"#,
                (b'A' + i as u8) as char
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData><row r="1">{header}</row>{rows}</sheetData></worksheet>"#
    )
}

async fn import(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> Res {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    post_multipart(app, token, "/api/v1/exemplars/import", form).await
}

/// A multipart body written by hand: `parts` are (field name, file name, content).
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "lantoa-boundary-7d1f";
    let mut body = Vec::new();
    for (name, file_name, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let file_name = file_name
            .map(|f| format!("; filename=\"{f}\""))
            .unwrap_or_default();
        body.extend_from_slice(
            format!("Content-Disposition: form-data; name=\"{name}\"{file_name}\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Sends `head` on a bare connection and returns what the server answers before closing.
async fn raw_request(app: &TestApp, head: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app
        .url("/")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 16 * 1024];
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut answer))
        .await
        .expect("the server answers without waiting for the body")
        .unwrap();
    String::from_utf8_lossy(&answer[..read]).into_owned()
}

db_test!(
    async fn spreadsheets_that_declare_or_hold_absurd_ranges_are_refused(app) {
        let staff = app.token("tgpl.canbo").await;
        // The attack as reported: cells at A1 and XFD1048576, declared and not.
        let far_cell = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
        for dimension in [Some("A1:XFD1048576"), None] {
            let file = workbook_with(Some(&sheet_xml(dimension, far_cell)), &[]);
            assert!(file.len() < 16 * 1024, "the attack file is small: {} bytes", file.len());
            import(&app, &staff, "bom.xlsx", file).await.problem(413, "payload_too_large");
        }
        // A declared A1:Z100000 with nothing in it.
        let file = workbook_with(Some(&sheet_xml(Some("A1:Z100000"), "")), &[]);
        import(&app, &staff, "rong.xlsx", file).await.problem(413, "payload_too_large");
        // More rows than an import takes, really present.
        let rows: String = (2..=5_002)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Người {r}</t></is></c></row>"#))
            .collect();
        let file = workbook_with(Some(&sheet_xml(None, &rows)), &[]);
        let res = import(&app, &staff, "nhieu.xlsx", file).await;
        res.problem(413, "payload_too_large");
        assert!(res.body["detail"].as_str().unwrap().contains("5000"), "{}", res.text);
        // A ZIP bomb: an entry that unpacks to 80 MB from a few kilobytes.
        let file = workbook_with(None, &[("xl/media/image1.bin", 80 * 1024 * 1024)]);
        assert!(file.len() < 256 * 1024);
        import(&app, &staff, "bom-zip.xlsx", file).await.problem(413, "payload_too_large");
        // After all that, the server still answers and nothing was written.
        let list = app.get("/api/v1/exemplars?pageSize=1").token(&staff).send().await;
        assert_eq!(list.ok()["total"], 0);
    }
);

db_test!(
    async fn csv_files_of_too_many_cells_are_refused_before_they_are_split(app) {
        let staff = app.token("tgpl.canbo").await;
        // 200,000 empty cells on one line.
        let wide = format!("{}\n{}\n", HEADER.join(","), ",".repeat(200_000));
        import(&app, &staff, "rong.csv", wide.into_bytes()).await.problem(413, "payload_too_large");
        // 5,001 data rows.
        let mut tall = HEADER.join(",");
        for i in 0..5_001 {
            tall.push_str(&format!("\nA{i},x,y,z,w,1"));
        }
        import(&app, &staff, "dai.csv", tall.into_bytes()).await.problem(413, "payload_too_large");
        // Values beyond the columns an import reads.
        let far = format!("{}\nx{}y\n", HEADER.join(","), ",".repeat(60));
        import(&app, &staff, "xa.csv", far.into_bytes()).await.problem(413, "payload_too_large");
    }
);

db_test!(
    async fn a_dry_run_checks_units_and_movements_without_writing(app) {
        let staff = app.token("tgpl.canbo").await;
        let mut csv = format!("{};Mã đơn vị;Phong trào thi đua", HEADER.join(";"));
        csv.push_str("\nTrần Văn Bình;Cá nhân;Điển hình tiên tiến;Hộ tịch;Làm tốt công việc hộ tịch cả năm;01/01/2026;HCTP;");
        csv.push_str("\nLê Thị Cúc;Cá nhân;Điển hình tiên tiến;Hộ tịch;Làm tốt công việc hộ tịch cả năm;01/01/2026;;KHONGCO");
        csv.push_str("\nPhạm Văn Dũng;Cá nhân;Điển hình tiên tiến;Hộ tịch;Làm tốt công việc hộ tịch cả năm;01/01/2026;;");
        let res = import(&app, &staff, "thu.csv", csv.into_bytes()).await;
        let report = res.ok();
        assert_eq!(report["validRows"], 1, "{report}");
        // A unit staff member cannot import into another unit, and the row says so.
        let other_unit: Vec<&str> = report["rows"][0]["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        assert_eq!(other_unit, ["Mã đơn vị"]);
        assert_eq!(report["rows"][1]["errors"][0]["field"], "Phong trào thi đua");
        assert_eq!(report["rows"][2]["errors"], serde_json::json!([]));
        let audit = app.get("/api/v1/audit?entityType=exemplar").token(&app.admin().await).send().await;
        assert_eq!(audit.ok()["total"], 0, "a dry run writes nothing, not even to roll it back");
    }
);

db_test!(
    async fn multipart_bodies_take_only_the_form_fields_once_within_the_size(app) {
        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Người gửi biểu mẫu lạ").await;
        let path = format!("/api/v1/exemplars/{}/attachments", exemplar["id"]);
        let pdf: &[u8] = b"%PDF-1.4\n%%EOF";
        let send = |parts: Vec<(&'static str, Option<&'static str>, Vec<u8>)>| {
            let refs: Vec<(&str, Option<&str>, &[u8])> = parts.iter().map(|(n, f, c)| (*n, *f, c.as_slice())).collect();
            let (content_type, body) = multipart(&refs);
            app.post(&path).token(&staff).body(&content_type, body).send()
        };
        let res = send(vec![("file", Some("a.pdf"), pdf.to_vec()), ("khac", None, b"x".to_vec())]).await;
        assert_eq!(res.field_errors(), ["khac:unknown_field"]);
        let res = send(vec![("file", Some("a.pdf"), pdf.to_vec()), ("file", Some("b.pdf"), pdf.to_vec())]).await;
        assert_eq!(res.field_errors(), ["file:duplicate"]);
        // Thousands of tiny parts stop at the second one.
        let many: Vec<_> = (0..2_000).map(|_| ("caption", None, b"x".to_vec())).collect();
        let res = send(many).await;
        assert_eq!(res.field_errors(), ["caption:duplicate"]);
        let res = send(vec![("file", Some("a.pdf"), pdf.to_vec()), ("caption", None, b"a\x00b".to_vec())]).await;
        assert_eq!(res.field_errors(), ["caption:control_character"]);
        // A body declared larger than the limit is refused before a byte of it is read.
        let answer = raw_request(&app, &format!(
            "POST {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {staff}\r\n\
             Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 30000000\r\n\r\n"
        ))
        .await;
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        assert!(answer.contains("file_too_large"), "{answer}");
        let shown = app.get(&format!("/api/v1/exemplars/{}", exemplar["id"])).token(&staff).send().await;
        assert_eq!(shown.ok()["attachments"], serde_json::json!([]), "nothing was kept");
    }
);

db_test!(
    async fn an_export_of_more_than_the_server_holds_asks_for_narrower_filters(app) {
        let staff = app.token("tgpl.canbo").await;
        let unit = app.unit_id("TGPL").await;
        // The test server takes 64 KB of text per export: four long records are more.
        for name in ["Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba", "Lê Văn Bốn"] {
            let mut body = crate::support::exemplar_body(unit, name);
            body["achievements"] = serde_json::json!(format!("Thành tích nổi bật. {}", "x".repeat(19_000)));
            app.post("/api/v1/exemplars").token(&staff).json(&body).send().await.ok();
        }
        let res = app.get("/api/v1/exemplars/export").token(&staff).send().await;
        res.problem(422, "export_too_large");
        assert!(res.body["detail"].as_str().unwrap().contains("lọc bớt"));
        let narrowed = app.get("/api/v1/exemplars/export?q=le%20van%20mot").token(&staff).send().await;
        assert_eq!(narrowed.status, 200, "{}", narrowed.text);
    }
);
