//! The public Atom 1.0 feed (RFC 4287) of every source's items, newest change first: written
//! with an XML writer (every text and attribute escaped, characters XML forbids dropped), with
//! stable `tag:` ids, absolute links and `updated` times in UTC.

use chrono::{NaiveDateTime, SecondsFormat};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::PublicItem;
use crate::error::{AppError, AppResult};
use crate::publicity::PublicitySettings;
use crate::publicity::settings::EXEMPLAR_PAGE_PATH;
use crate::publicity::share::text::clip_words;

/// Where the feed is served.
pub const PATH: &str = "/api/v1/public/feed.atom";
/// The entries of the feed.
pub const ENTRIES: i64 = 50;
/// An entry's summary (the content carries the whole text).
const SUMMARY: usize = 300;

/// Only the characters XML 1.0 allows.
fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(*c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        })
        .collect()
}

fn time(at: NaiveDateTime) -> String {
    at.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn text_element(writer: &mut Writer<Vec<u8>>, name: &str, text: &str) -> std::io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(&xml_safe(text)))
        .map(|_| ())
}

/// The feed of `items` (newest first) for the Department `department`; `now` is its `updated`
/// when it has no entry.
pub fn feed(
    links: &PublicitySettings,
    department: &str,
    items: &[PublicItem],
    now: NaiveDateTime,
) -> AppResult<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let updated = items.iter().map(|i| i.updated).max().unwrap_or(now);
    let title = format!("Gương điển hình tiên tiến – {department}");
    let self_url = links.absolute(PATH);
    let site_url = links.absolute(EXEMPLAR_PAGE_PATH);
    let write = |writer: &mut Writer<Vec<u8>>| -> std::io::Result<()> {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        writer
            .create_element("feed")
            .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
            .with_attribute(("xml:lang", "vi"))
            .write_inner_content(|w| {
                text_element(w, "id", &links.tag("public-feed"))?;
                text_element(w, "title", &title)?;
                text_element(
                    w,
                    "subtitle",
                    "Tuyên truyền và nhân rộng điển hình tiên tiến giai đoạn 2026–2030 (Lan Tỏa)",
                )?;
                text_element(w, "updated", &time(updated))?;
                w.create_element("link")
                    .with_attribute(("rel", "self"))
                    .with_attribute(("type", "application/atom+xml"))
                    .with_attribute(("href", xml_safe(&self_url).as_str()))
                    .write_empty()?;
                w.create_element("link")
                    .with_attribute(("rel", "alternate"))
                    .with_attribute(("type", "text/html"))
                    .with_attribute(("href", xml_safe(&site_url).as_str()))
                    .write_empty()?;
                w.create_element("author")
                    .write_inner_content(|w| text_element(w, "name", department))?;
                text_element(w, "generator", "Lan Tỏa")?;
                for item in items {
                    entry(w, links, item)?;
                }
                Ok(())
            })?;
        Ok(())
    };
    write(&mut writer).map_err(AppError::internal)?;
    Ok(writer.into_inner())
}

fn entry(
    writer: &mut Writer<Vec<u8>>,
    links: &PublicitySettings,
    item: &PublicItem,
) -> std::io::Result<()> {
    writer.create_element("entry").write_inner_content(|w| {
        text_element(
            w,
            "id",
            &links.tag(&format!("{}:{}", item.kind.as_str(), item.id)),
        )?;
        text_element(w, "title", &format!("{} – {}", item.title, item.subtitle))?;
        w.create_element("link")
            .with_attribute(("rel", "alternate"))
            .with_attribute(("type", "text/html"))
            .with_attribute(("href", xml_safe(&item.page_url).as_str()))
            .write_empty()?;
        if let Some(image) = &item.image_url {
            w.create_element("link")
                .with_attribute(("rel", "enclosure"))
                .with_attribute(("type", "image/jpeg"))
                .with_attribute(("href", xml_safe(image).as_str()))
                .write_empty()?;
        }
        text_element(w, "published", &time(item.published))?;
        text_element(w, "updated", &time(item.updated))?;
        w.create_element("category")
            .with_attribute(("term", item.kind.as_str()))
            .with_attribute(("label", xml_safe(item.kind.label()).as_str()))
            .write_empty()?;
        w.create_element("category")
            .with_attribute(("term", xml_safe(&item.label).as_str()))
            .write_empty()?;
        w.create_element("summary")
            .with_attribute(("type", "text"))
            .write_text_content(BytesText::new(&xml_safe(&clip_words(
                &item.summary,
                SUMMARY,
            ))))?;
        w.create_element("content")
            .with_attribute(("type", "text"))
            .write_text_content(BytesText::new(&xml_safe(&format!(
                "{}\n\n{}",
                item.subtitle, item.summary
            ))))?;
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publicity::portal::PublicKind;

    fn item(id: i64, title: &str) -> PublicItem {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(3, 0, 0))
            .unwrap_or_default();
        PublicItem {
            kind: PublicKind::Exemplar,
            id,
            title: title.to_owned(),
            subtitle: "Phòng Hành chính tư pháp".to_owned(),
            label: "Mô hình mới".to_owned(),
            summary: "Giải quyết 100% hồ sơ <đúng hạn> & \"trước hạn\"\u{0}.".to_owned(),
            page_url: "http://127.0.0.1:8080/cong-khai/guong-dien-hinh/1?a=1&b=2".to_owned(),
            image_url: None,
            image_path: None,
            published: at,
            updated: at,
        }
    }

    #[test]
    fn the_feed_escapes_what_it_carries() {
        let xml = feed(
            &PublicitySettings::default(),
            "Sở Tư pháp tỉnh Đồng Tháp",
            &[item(1, "A <b>&</b>")],
            chrono::NaiveDateTime::default(),
        )
        .map(String::from_utf8)
        .unwrap_or_else(|_| Ok(String::new()))
        .unwrap_or_default();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        assert!(xml.contains("<id>tag:127.0.0.1,2026:exemplar:1</id>"));
        assert!(xml.contains("A &lt;b&gt;&amp;&lt;/b&gt; – Phòng Hành chính tư pháp"));
        assert!(
            xml.contains("href=\"http://127.0.0.1:8080/cong-khai/guong-dien-hinh/1?a=1&amp;b=2\"")
        );
        assert!(xml.contains("<updated>2026-11-20T03:00:00Z</updated>"));
        assert!(!xml.contains('\u{0}'));
        // It reads back as XML.
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut events = 0;
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => events += 1,
                Err(error) => panic!("not XML: {error}"),
            }
        }
        assert!(events > 20);
    }
}
