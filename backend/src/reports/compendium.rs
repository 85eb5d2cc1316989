//! "Tài liệu gương điển hình tiên tiến" (Kế hoạch, mục II.2: biên soạn tài liệu): selected
//! exemplars with confirmed records compiled into one DOCX — a cover, a table of contents (a
//! `TOC` field over the exemplars' headings, marked for Word to refresh its page numbers on
//! opening), then one section per exemplar with its photo when it has an image attachment.
//! Same page, fonts and margins as the official documents (A4, Times New Roman, NĐ 30/2020).

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, Pic, Run, RunFonts, Style,
    StyleType, TableOfContents, TableOfContentsItem,
};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::attachments::model::photos_of;
use crate::attachments::storage::Storage;
use crate::auth::{Principal, policy};
use crate::db::DbConnection;
use crate::db::schema::{attachments, exemplars, summaries, units};
use crate::documents::official::layout::{
    A4_HEIGHT_MM, A4_WIDTH_MM, BODY_PT, FIRST_LINE_INDENT_MM, FONT, FOOTER_DISTANCE_MM,
    HEADER_DISTANCE_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM,
    mm_to_twips,
};
use crate::error::{AppError, AppResult, FieldError};
use crate::exemplars::types::{Category, RecordStatus, SubjectKind};
use crate::time::Day;

/// The most exemplars one compendium holds.
pub const MAX_EXEMPLARS: usize = 200;

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompendiumInput {
    /// First day of the period the compendium covers.
    pub from: Day,
    /// Last day of the period.
    pub to: Day,
    /// The exemplars, in the order they are printed (confirmed records only).
    #[validate(length(min = 1, max = 200))]
    #[schema(min_items = 1, max_items = 200)]
    pub exemplar_ids: Vec<i64>,
    /// Defaults to "Tài liệu gương điển hình tiên tiến".
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300)]
    pub title: Option<String>,
}

impl CompendiumInput {
    pub fn check(&self) -> AppResult<()> {
        let mut errors = Vec::new();
        if self.to.date() < self.from.date() {
            errors.push(FieldError::new(
                "to",
                "before_start",
                "Ngày kết thúc không được trước ngày bắt đầu.",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        if self.exemplar_ids.iter().any(|id| !seen.insert(*id)) {
            errors.push(FieldError::new(
                "exemplarIds",
                "duplicate",
                "Mỗi điển hình chỉ chọn một lần.",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::validation(errors))
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub subject_kind: String,
    pub position: Option<String>,
    pub unit: String,
    pub category: String,
    pub field_of_work: String,
    pub discovered_on: NaiveDate,
    pub achievements: String,
    /// Cách làm hay, kết quả, bài học (the exemplar's summary), when written.
    pub summary: Option<(String, String, String)>,
    /// The photo's PNG thumbnail on disk.
    pub photo: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Compendium {
    pub title: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub entries: Vec<Entry>,
}

type ExemplarRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    NaiveDate,
    String,
    Option<i64>,
    String,
);

/// The chosen exemplars (4 queries): 422 when one does not exist, is not visible to
/// `principal` or is not a confirmed record.
pub fn load(
    conn: &mut DbConnection,
    principal: &Principal,
    input: &CompendiumInput,
    data_dir: &Path,
) -> AppResult<Compendium> {
    let mut query = exemplars::table
        .inner_join(units::table)
        .filter(exemplars::id.eq_any(&input.exemplar_ids))
        .filter(exemplars::record_status.eq(RecordStatus::Confirmed.as_str()))
        .select((
            exemplars::id,
            exemplars::name,
            exemplars::subject_kind,
            exemplars::position,
            units::name,
            exemplars::category,
            exemplars::field_of_work,
            exemplars::discovered_on,
            exemplars::achievements,
            exemplars::photo_attachment_id,
            exemplars::record_status,
        ))
        .into_boxed();
    if let Some(unit) = policy::unit_restriction(principal) {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    let rows: Vec<ExemplarRow> = query.load(conn)?;
    let missing: Vec<String> = input
        .exemplar_ids
        .iter()
        .filter(|id| !rows.iter().any(|r| r.0 == **id))
        .map(i64::to_string)
        .collect();
    if !missing.is_empty() {
        return Err(AppError::field(
            "exemplarIds",
            "not_available",
            format!(
                "Không có điển hình đã xác nhận hồ sơ với mã: {}.",
                missing.join(", ")
            ),
        ));
    }
    let summaries: HashMap<i64, (String, String, String)> = summaries::table
        .filter(summaries::exemplar_id.eq_any(&input.exemplar_ids))
        .select((
            summaries::exemplar_id,
            (
                summaries::good_practice,
                summaries::results,
                summaries::lessons,
            ),
        ))
        .load::<(i64, (String, String, String))>(conn)?
        .into_iter()
        .collect();
    let photos = photos_of(conn, &rows.iter().map(|r| (r.0, r.9)).collect::<Vec<_>>())?;
    let photo_ids: Vec<i64> = photos.values().copied().collect();
    let hashes: HashMap<i64, String> = attachments::table
        .filter(attachments::id.eq_any(&photo_ids))
        .select((attachments::id, attachments::sha256))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let storage = Storage::new(data_dir);
    let by_id: HashMap<i64, &ExemplarRow> = rows.iter().map(|r| (r.0, r)).collect();
    let entries = input
        .exemplar_ids
        .iter()
        .filter_map(|id| by_id.get(id))
        .map(|r| Entry {
            name: r.1.clone(),
            subject_kind: SubjectKind::parse(&r.2)
                .map_or_else(|| r.2.clone(), |k| k.label().to_owned()),
            position: r.3.clone(),
            unit: r.4.clone(),
            category: Category::parse(&r.5).map_or_else(|| r.5.clone(), |c| c.label().to_owned()),
            field_of_work: r.6.clone(),
            discovered_on: r.7,
            achievements: r.8.clone(),
            summary: summaries.get(&r.0).cloned(),
            photo: photos
                .get(&r.0)
                .and_then(|a| hashes.get(a))
                .and_then(|sha| storage.thumbnail_path(sha).ok()),
        })
        .collect();
    Ok(Compendium {
        title: input
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or("Tài liệu gương điển hình tiên tiến")
            .to_owned(),
        from: input.from.date(),
        to: input.to.date(),
        entries,
    })
}

const HEADING_STYLE: &str = "Heading1";
/// The photo's width on the page: 8 cm, in EMU.
const PHOTO_WIDTH_EMU: u32 = 2_880_000;

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

fn run(text: &str, pt: u8) -> Run {
    Run::new()
        .add_text(text)
        .fonts(fonts())
        .size(usize::from(pt) * 2)
}

fn centered(text: &str, pt: u8, bold: bool) -> Paragraph {
    let r = run(text, pt);
    Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(if bold { r.bold() } else { r })
}

fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Justified)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(mm_to_twips(
                FIRST_LINE_INDENT_MM,
            ))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().after(120))
        .add_run(run(text, BODY_PT))
}

fn labelled(label: &str, value: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Justified)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(mm_to_twips(
                FIRST_LINE_INDENT_MM,
            ))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().after(60))
        .add_run(run(&format!("{label}: "), BODY_PT).bold())
        .add_run(run(value, BODY_PT))
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

fn photo(path: &Path) -> Option<Pic> {
    let bytes = std::fs::read(path).ok()?;
    let (w, h) = image::ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()?;
    if w == 0 || h == 0 || !bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        return None;
    }
    let height = (u64::from(PHOTO_WIDTH_EMU) * u64::from(h) / u64::from(w)).min(4_320_000) as u32;
    Some(Pic::new_with_dimensions(bytes, w, h).size(PHOTO_WIDTH_EMU, height))
}

fn heading_text(n: usize, entry: &Entry) -> String {
    format!("{n}. {}", entry.name.trim())
}

fn build(c: &Compendium) -> Docx {
    let twips = |mm: f64| u32::try_from(mm_to_twips(mm)).unwrap_or(0);
    let mut docx = Docx::new()
        .page_size(twips(A4_WIDTH_MM), twips(A4_HEIGHT_MM))
        .page_margin(PageMargin {
            top: mm_to_twips(MARGIN_TOP_MM),
            bottom: mm_to_twips(MARGIN_BOTTOM_MM),
            left: mm_to_twips(MARGIN_LEFT_MM),
            right: mm_to_twips(MARGIN_RIGHT_MM),
            header: mm_to_twips(HEADER_DISTANCE_MM),
            footer: mm_to_twips(FOOTER_DISTANCE_MM),
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(usize::from(BODY_PT) * 2)
        .add_style(
            Style::new(HEADING_STYLE, StyleType::Paragraph)
                .name("Heading 1")
                .bold()
                .size(usize::from(BODY_PT) * 2)
                .fonts(fonts())
                .outline_lvl(0),
        );
    // Cover.
    docx = docx
        .add_paragraph(centered("UBND TỈNH ĐỒNG THÁP", 13, false))
        .add_paragraph(centered("SỞ TƯ PHÁP", 13, true));
    for _ in 0..8 {
        docx = docx.add_paragraph(Paragraph::new());
    }
    docx = docx
        .add_paragraph(centered(&c.title.to_uppercase(), 18, true))
        .add_paragraph(centered(
            &format!(
                "(Từ ngày {} đến ngày {})",
                c.from.format("%d/%m/%Y"),
                c.to.format("%d/%m/%Y")
            ),
            14,
            false,
        ));
    for _ in 0..12 {
        docx = docx.add_paragraph(Paragraph::new());
    }
    docx = docx
        .add_paragraph(centered(
            &format!("Đồng Tháp, năm {}", c.to.year()),
            14,
            false,
        ))
        .add_paragraph(page_break());
    // Table of contents.
    let mut toc = TableOfContents::new()
        .heading_styles_range(1, 1)
        .alias("Mục lục")
        .dirty();
    for (i, entry) in c.entries.iter().enumerate() {
        toc = toc.add_item(
            TableOfContentsItem::new()
                .text(heading_text(i + 1, entry))
                .level(1),
        );
    }
    docx = docx
        .add_paragraph(centered("MỤC LỤC", 14, true))
        .add_table_of_contents(toc);
    // One section per exemplar.
    for (i, entry) in c.entries.iter().enumerate() {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style(HEADING_STYLE)
                .page_break_before(true)
                .align(AlignmentType::Left)
                .add_run(run(&heading_text(i + 1, entry), BODY_PT).bold()),
        );
        if let Some(pic) = entry.photo.as_deref().and_then(photo) {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_image(pic)),
            );
        }
        docx = docx
            .add_paragraph(labelled("Đối tượng", &entry.subject_kind))
            .add_paragraph(labelled("Loại điển hình", &entry.category));
        if let Some(position) = entry.position.as_deref().filter(|p| !p.trim().is_empty()) {
            docx = docx.add_paragraph(labelled("Chức vụ", position));
        }
        docx = docx
            .add_paragraph(labelled("Đơn vị", &entry.unit))
            .add_paragraph(labelled("Lĩnh vực", &entry.field_of_work))
            .add_paragraph(labelled(
                "Ngày phát hiện",
                &entry.discovered_on.format("%d/%m/%Y").to_string(),
            ))
            .add_paragraph(labelled("Thành tích", ""));
        for line in entry
            .achievements
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            docx = docx.add_paragraph(body(line));
        }
        if let Some((practice, results, lessons)) = &entry.summary {
            for (label, text) in [
                ("Cách làm hay", practice),
                ("Kết quả", results),
                ("Bài học kinh nghiệm", lessons),
            ] {
                docx = docx.add_paragraph(labelled(label, ""));
                for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    docx = docx.add_paragraph(body(line));
                }
            }
        }
    }
    docx
}

/// The compendium's DOCX (blocking: reads the photos and builds the document on a thread of its
/// own, so docx-rs's per-thread counters start afresh).
pub fn render(c: &Compendium) -> AppResult<Vec<u8>> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("docx-compendium".to_owned())
            .spawn_scoped(scope, || {
                let mut out = Cursor::new(Vec::new());
                build(c)
                    .build()
                    .pack(&mut out)
                    .map_err(AppError::internal)?;
                Ok(out.into_inner())
            })
            .map_err(AppError::internal)?;
        handle
            .join()
            .unwrap_or_else(|_| Err(AppError::internal("docx-rs panicked")))
    })
}
