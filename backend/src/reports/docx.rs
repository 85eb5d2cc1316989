//! A report as an official document (Nghị định 30/2020), through the shared renderer: the
//! issuing body (the Department for the Office's report, the unit under it for a unit's), "Số:
//! …/BC-…", place and date, BÁO CÁO and its subject, the body (narrative sections and the figure
//! tables), nơi nhận and the signing block.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::model::Report;
use super::workflow::{ReportOwner, ReportStatus};
use super::xlsx::{self, ColumnKind, FigureTable};
use crate::db::DbConnection;
use crate::db::schema::{report_submissions, units, users};
use crate::documents::official::{
    Agency, Block, Column, DataTable, DocumentKind, OfficialDocument, Recipients, Row, Signature,
    TotalsRow, render as render_docx,
};
use crate::error::{AppError, AppResult};
use crate::time::local_date;

/// What the document needs beyond the report: the unit's head and code, who approved.
#[derive(Debug, Clone, Default)]
pub struct DocxContext {
    pub unit_code: Option<String>,
    pub head_title: Option<String>,
    pub head_name: Option<String>,
    /// The leader who approved (accepted) the Office's report.
    pub approver: Option<String>,
    /// The day it was submitted (Vietnam time); undated while a draft.
    pub date: Option<NaiveDate>,
}

pub fn context(conn: &mut DbConnection, report: &Report) -> AppResult<DocxContext> {
    let mut context = DocxContext::default();
    if let Some(unit) = &report.unit {
        let (code, title, name): (String, Option<String>, Option<String>) = units::table
            .find(unit.id)
            .select((units::code, units::head_title, units::head_name))
            .first(conn)?;
        context.unit_code = Some(code);
        context.head_title = title;
        context.head_name = name;
    }
    if let Some(submission) = &report.submission {
        context.date = Some(local_date(submission.submitted_at.naive_utc()));
        if report.owner == ReportOwner::Office && report.status == ReportStatus::Accepted {
            context.approver = report_submissions::table
                .inner_join(
                    users::table.on(report_submissions::decided_by.eq(users::id.nullable())),
                )
                .filter(report_submissions::id.eq(submission.id))
                .select(users::full_name)
                .first::<String>(conn)
                .optional()?;
        }
    }
    Ok(context)
}

fn data_table(table: &FigureTable) -> DataTable {
    let columns = table
        .columns
        .iter()
        .map(|(title, kind)| match kind {
            ColumnKind::Index => Column::centered(*title, 5),
            ColumnKind::Count => Column::number(*title, 10),
            ColumnKind::Date => Column::centered(*title, 12),
            ColumnKind::Text => Column::text(*title, 30),
        })
        .collect();
    let mut data = DataTable::new(columns);
    if table.columns.len() > 6 {
        data.font_size_pt = 11;
    }
    data.rows = table
        .rows
        .iter()
        .map(|r| Row::Cells(r.iter().map(xlsx::Cell::text).collect()))
        .collect();
    if table.totals && !table.rows.is_empty() {
        let span = table
            .columns
            .iter()
            .position(|c| c.1 == ColumnKind::Count)
            .unwrap_or(1)
            .max(1);
        data.totals = Some(TotalsRow {
            label: "Tổng cộng".to_owned(),
            label_span: span,
            cells: table.total_cells()[span..]
                .iter()
                .map(|t| t.map(|v| v.to_string()).unwrap_or_default())
                .collect(),
        });
    }
    data
}

fn paragraphs(text: &str) -> Vec<Block> {
    let blocks: Vec<Block> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| match line.strip_prefix("- ") {
            Some(rest) => Block::bullet(rest),
            None => Block::text(line),
        })
        .collect();
    if blocks.is_empty() {
        vec![Block::text("…")]
    } else {
        blocks
    }
}

fn period_phrase(report: &Report) -> String {
    match report.kind {
        super::workflow::ReportKind::AnnualReport => format!("năm {}", report.period),
        super::workflow::ReportKind::MidtermReview => {
            format!("sơ kết giai đoạn {}", report.period.replace('-', " - "))
        }
        super::workflow::ReportKind::FinalReview => {
            format!("tổng kết giai đoạn {}", report.period.replace('-', " - "))
        }
        super::workflow::ReportKind::OnDemand => format!(
            "từ ngày {} đến ngày {}",
            report.from.format("%d/%m/%Y"),
            report.to.format("%d/%m/%Y")
        ),
    }
}

/// The report as a DOCX (blocking CPU work: call from `web::block`).
pub fn render(report: &Report, context: &DocxContext) -> AppResult<Vec<u8>> {
    render_docx(&document(report, context)).map_err(AppError::internal)
}

pub fn document(report: &Report, context: &DocxContext) -> OfficialDocument {
    let department = Agency::so_tu_phap_dong_thap();
    let agency = match &report.unit {
        Some(unit) => Agency {
            governing_body: department.name.clone(),
            name: unit.name.to_uppercase(),
            code: context.unit_code.clone().unwrap_or_default(),
            place: department.place.clone(),
        },
        None => department,
    };
    let subject = report.title.trim().strip_prefix("Báo cáo ").map_or_else(
        || report.title.clone(),
        |s| {
            let mut chars = s.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().collect::<String>() + chars.as_str()
            })
        },
    );
    let mut doc = OfficialDocument::new(&agency, DocumentKind::BaoCao, subject);
    doc.date = context.date;
    let f = &report.figures.figures;
    let who = report
        .unit
        .as_ref()
        .map_or_else(|| "Sở Tư pháp".to_owned(), |u| u.name.clone());
    let mut body = vec![Block::text(format!(
        "Thực hiện Kế hoạch phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến giai đoạn 2026 - 2030 \
         của Sở Tư pháp, {who} báo cáo kết quả thực hiện {} (số liệu từ ngày {} đến ngày {}) như sau:",
        period_phrase(report),
        f.from.format("%d/%m/%Y"),
        f.to.format("%d/%m/%Y"),
    ))];
    body.push(Block::heading("I. KẾT QUẢ ĐẠT ĐƯỢC"));
    body.push(Block::heading("1. Kết quả chung"));
    body.extend(paragraphs(&report.narrative.achievements));
    body.push(Block::heading("2. Số liệu"));
    body.push(Block::text(format!(
        "Trong kỳ đã phát hiện {} điển hình; giới thiệu gương điển hình hằng tháng: {} tháng đúng hạn, {} tháng trễ hạn, \
         {} tháng chưa giới thiệu; {} phiếu đánh giá hoàn tất; {} lượt nhân rộng ({} điển hình); {} khó khăn, vướng mắc được phản ánh.",
        f.exemplars.discovered,
        f.introductions.on_time,
        f.introductions.late,
        f.introductions.missing,
        f.evaluations.total,
        f.replications.total,
        f.replications.exemplars,
        f.difficulties.total,
    )));
    body.push(Block::text(format!(
        "Khen thưởng: {} hồ sơ đề nghị với {} trường hợp; {} trường hợp được khen thưởng theo quyết định trong kỳ, \
         tổng tiền thưởng {} đồng. Tuyên truyền: {} hoạt động, {} lượt xem, {} lượt chia sẻ, {} người tham dự.",
        f.commendations.proposals,
        f.commendations.nominees,
        f.commendations.awarded,
        crate::documents::official::format_dong(u128::try_from(f.commendations.reward_total).unwrap_or(0)),
        f.propagation.activities,
        f.propagation.views,
        f.propagation.shares,
        f.propagation.attendees,
    )));
    let tables = xlsx::tables(f, report.figures.consolidation.as_ref());
    for (n, table) in tables.iter().enumerate() {
        body.push(Block::rich(vec![crate::documents::official::Span::italic(
            format!("Biểu {}. {}", n + 1, table.title),
        )]));
        if table.rows.is_empty() {
            body.push(Block::text("(Không có số liệu trong kỳ.)"));
        } else {
            body.push(Block::Table(data_table(table)));
        }
    }
    if let Some(c) = &report.figures.consolidation {
        body.push(Block::text(format!(
            "Có {} đơn vị đã gửi báo cáo ({} đúng hạn, {} trễ hạn); {} đơn vị chưa gửi báo cáo{}",
            c.totals.reports,
            c.totals.on_time,
            c.totals.late,
            c.missing_units.len(),
            if c.missing_units.is_empty() {
                ".".to_owned()
            } else {
                format!(
                    ": {}.",
                    c.missing_units
                        .iter()
                        .map(|u| u.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        )));
    }
    body.push(Block::heading("II. HẠN CHẾ VÀ NGUYÊN NHÂN"));
    body.push(Block::heading("1. Hạn chế"));
    body.extend(paragraphs(&report.narrative.shortcomings));
    body.push(Block::heading("2. Nguyên nhân"));
    body.extend(paragraphs(&report.narrative.causes));
    body.push(Block::heading("III. BÀI HỌC KINH NGHIỆM"));
    body.extend(paragraphs(&report.narrative.lessons));
    body.push(Block::heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"));
    body.extend(paragraphs(&report.narrative.directions));
    body.push(Block::heading("V. KIẾN NGHỊ, ĐỀ XUẤT"));
    body.extend(paragraphs(&report.narrative.recommendations));
    body.push(Block::text(format!("Trên đây là báo cáo của {who}./.")));
    doc.body = body;
    match &report.unit {
        Some(_) => {
            let title = context
                .head_title
                .clone()
                .unwrap_or_else(|| "THỦ TRƯỞNG ĐƠN VỊ".to_owned())
                .to_uppercase();
            doc.signature = Some(Signature::new(
                title,
                context.head_name.clone().unwrap_or_default(),
            ));
            doc.recipients = Some(Recipients::new([
                "Văn phòng Sở (để tổng hợp)",
                "Lãnh đạo Sở (để báo cáo)",
            ]));
        }
        None => {
            doc.signature = Some(
                Signature::new("PHÓ GIÁM ĐỐC", context.approver.clone().unwrap_or_default())
                    .authority("KT. GIÁM ĐỐC"),
            );
            doc.recipients = Some(Recipients::new([
                "Sở Nội vụ",
                "Giám đốc, các Phó Giám đốc Sở",
                "Các đơn vị thuộc Sở",
            ]));
        }
    }
    doc
}
