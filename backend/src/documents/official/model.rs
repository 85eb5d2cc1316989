//! The plain-data model of an official document: what it says, not how it is laid out.

use chrono::NaiveDate;

use super::dates;

/// The issuing agency, as printed at the top left and in the number's symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Tên cơ quan chủ quản, e.g. "UBND TỈNH ĐỒNG THÁP"; empty when there is none.
    pub governing_body: String,
    /// Tên cơ quan ban hành, e.g. "SỞ TƯ PHÁP" (or "VĂN PHÒNG" under "SỞ TƯ PHÁP").
    pub name: String,
    /// Its abbreviation in the number's symbol: "STP" gives "Số: 05/QĐ-STP".
    pub code: String,
    /// Địa danh of the date line: "Đồng Tháp".
    pub place: String,
}

impl Agency {
    /// The Department itself: "UBND TỈNH ĐỒNG THÁP / SỞ TƯ PHÁP", symbol "…-STP".
    pub fn so_tu_phap_dong_thap() -> Self {
        Self {
            governing_body: "UBND TỈNH ĐỒNG THÁP".to_owned(),
            name: "SỞ TƯ PHÁP".to_owned(),
            code: "STP".to_owned(),
            place: "Đồng Tháp".to_owned(),
        }
    }
}

/// Tên loại văn bản, with its title word and the abbreviation used in the number's symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    QuyetDinh,
    ToTrinh,
    BienBan,
    BaoCao,
    ThongBao,
    KeHoach,
    HuongDan,
    ChuongTrinh,
    GiayMoi,
}

impl DocumentKind {
    /// The type name printed above the trích yếu.
    pub fn title(self) -> &'static str {
        match self {
            Self::QuyetDinh => "QUYẾT ĐỊNH",
            Self::ToTrinh => "TỜ TRÌNH",
            Self::BienBan => "BIÊN BẢN",
            Self::BaoCao => "BÁO CÁO",
            Self::ThongBao => "THÔNG BÁO",
            Self::KeHoach => "KẾ HOẠCH",
            Self::HuongDan => "HƯỚNG DẪN",
            Self::ChuongTrinh => "CHƯƠNG TRÌNH",
            Self::GiayMoi => "GIẤY MỜI",
        }
    }

    /// The abbreviation in "Số: 05/QĐ-STP".
    pub fn abbreviation(self) -> &'static str {
        match self {
            Self::QuyetDinh => "QĐ",
            Self::ToTrinh => "TTr",
            Self::BienBan => "BB",
            Self::BaoCao => "BC",
            Self::ThongBao => "TB",
            Self::KeHoach => "KH",
            Self::HuongDan => "HD",
            Self::ChuongTrinh => "CTr",
            Self::GiayMoi => "GM",
        }
    }

    /// The name of the type inside a sentence: "Quyết định", "Tờ trình".
    pub fn name(self) -> &'static str {
        match self {
            Self::QuyetDinh => "Quyết định",
            Self::ToTrinh => "Tờ trình",
            Self::BienBan => "Biên bản",
            Self::BaoCao => "Báo cáo",
            Self::ThongBao => "Thông báo",
            Self::KeHoach => "Kế hoạch",
            Self::HuongDan => "Hướng dẫn",
            Self::ChuongTrinh => "Chương trình",
            Self::GiayMoi => "Giấy mời",
        }
    }
}

/// A whole official document.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficialDocument {
    /// "UBND TỈNH ĐỒNG THÁP"; printed upper case, regular. Empty: left out.
    pub governing_body: String,
    /// "SỞ TƯ PHÁP"; printed upper case, bold, with a short rule under it.
    pub issuer: String,
    pub kind: DocumentKind,
    /// The register number; `None` leaves it blank for the văn thư ("Số:      /QĐ-STP").
    pub number: Option<u32>,
    /// The symbol after the number: "QĐ-STP".
    pub symbol: String,
    /// "Đồng Tháp".
    pub place: String,
    /// `None` leaves "ngày … tháng … năm 20.." blank, for a draft signed on paper.
    pub date: Option<NaiveDate>,
    /// Trích yếu: "Về việc tặng Giấy khen cho …". Empty: left out.
    pub subject: String,
    /// The authority line under the trích yếu of a quyết định:
    /// "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP".
    pub issuer_line: Option<String>,
    /// "Kính gửi: …" under the trích yếu (tờ trình, công văn); empty: left out.
    pub addressees: Vec<String>,
    pub body: Vec<Block>,
    /// The signature at the right.
    pub signature: Option<Signature>,
    /// A second signature at the left, in place of the nơi nhận (thư ký of a biên bản). When a
    /// document has both, the nơi nhận follow under the signatures.
    pub co_signature: Option<Signature>,
    pub recipients: Option<Recipients>,
    /// Phụ lục, each from a new page.
    pub annexes: Vec<Annex>,
}

impl OfficialDocument {
    /// An empty document of `kind` from `agency`, symbol "{abbreviation}-{code}", undated and
    /// unnumbered.
    pub fn new(agency: &Agency, kind: DocumentKind, subject: impl Into<String>) -> Self {
        Self {
            governing_body: agency.governing_body.clone(),
            issuer: agency.name.clone(),
            kind,
            number: None,
            symbol: symbol(kind, &agency.code),
            place: agency.place.clone(),
            date: None,
            subject: subject.into(),
            issuer_line: None,
            addressees: Vec::new(),
            body: Vec::new(),
            signature: None,
            co_signature: None,
            recipients: None,
            annexes: Vec::new(),
        }
    }

    /// "Số: 05/QĐ-STP", or "Số:      /QĐ-STP" while unnumbered.
    pub fn number_line(&self) -> String {
        dates::number_line(self.number, &self.symbol)
    }

    /// "Đồng Tháp, ngày 05 tháng 01 năm 2026", or its blank form while undated.
    pub fn date_line(&self) -> String {
        dates::date_line(&self.place, self.date)
    }

    /// "Quyết định số 05/QĐ-STP ngày 05 tháng 01 năm 2026": how an annex or a certificate
    /// refers to this document.
    pub fn reference(&self) -> String {
        let number = self
            .number
            .map(dates::number_text)
            .unwrap_or_else(|| BLANK.to_owned());
        format!(
            "{} số {}/{} {}",
            self.kind.name(),
            number,
            self.symbol,
            dates::date_phrase(self.date)
        )
    }
}

const BLANK: &str = "     ";

/// "QĐ-STP" from the kind and the agency's code; just the abbreviation when there is no code.
pub(crate) fn symbol(kind: DocumentKind, code: &str) -> String {
    if code.trim().is_empty() {
        kind.abbreviation().to_owned()
    } else {
        format!("{}-{}", kind.abbreviation(), code.trim())
    }
}

/// A piece of text with its emphasis. Line breaks (`\n`) inside the text are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
            ..Self::default()
        }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            italic: true,
            ..Self::default()
        }
    }
}

/// Horizontal alignment of a paragraph or a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Justify,
    Left,
    Center,
    Right,
}

/// A body paragraph: 14 pt, justified with a first-line indent unless told otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub spans: Vec<Span>,
    pub align: Align,
    /// The 1.27 cm first-line indent of body text; off for centred lines.
    pub first_line_indent: bool,
}

impl Paragraph {
    pub fn new(spans: Vec<Span>) -> Self {
        Self {
            spans,
            align: Align::Justify,
            first_line_indent: true,
        }
    }
}

/// One element of a document's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    /// A bold section heading such as "I. KẾT QUẢ ĐẠT ĐƯỢC", indented like body text.
    Heading(String),
    /// "Điều 1." in bold, then the article's text in the same paragraph.
    Article {
        number: u32,
        spans: Vec<Span>,
    },
    /// "- text", indented like body text (the decree's style rather than Word bullets).
    Bullet(Vec<Span>),
    Table(DataTable),
    PageBreak,
}

impl Block {
    /// A justified body paragraph of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Paragraph(Paragraph::new(vec![Span::plain(text)]))
    }

    /// A justified body paragraph in italics (the căn cứ of a quyết định).
    pub fn italic(text: impl Into<String>) -> Self {
        Self::Paragraph(Paragraph::new(vec![Span::italic(text)]))
    }

    /// A justified body paragraph of mixed runs.
    pub fn rich(spans: Vec<Span>) -> Self {
        Self::Paragraph(Paragraph::new(spans))
    }

    /// A centred bold line without indent ("QUYẾT ĐỊNH:").
    pub fn centered_bold(text: impl Into<String>) -> Self {
        Self::Paragraph(Paragraph {
            spans: vec![Span::bold(text)],
            align: Align::Center,
            first_line_indent: false,
        })
    }

    pub fn heading(text: impl Into<String>) -> Self {
        Self::Heading(text.into())
    }

    pub fn article(number: u32, text: impl Into<String>) -> Self {
        Self::Article {
            number,
            spans: vec![Span::plain(text)],
        }
    }

    pub fn bullet(text: impl Into<String>) -> Self {
        Self::Bullet(vec![Span::plain(text)])
    }
}

/// A table with borders: a bold header row repeated on every page, the rows, and an optional
/// totals row.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub totals: Option<TotalsRow>,
    /// Font size of the whole table, in points: 13 by default, 12 for wide tables.
    pub font_size_pt: u8,
}

impl DataTable {
    pub fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            rows: Vec::new(),
            totals: None,
            font_size_pt: super::layout::TABLE_PT,
        }
    }
}

/// A column: its header, its share of the table's width, and how its cells align.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    /// Relative width: a column of weight 2 is twice as wide as one of weight 1. Weights of 0
    /// count as 1.
    pub weight: u16,
    pub align: Align,
}

impl Column {
    /// A text column, left-aligned.
    pub fn text(title: impl Into<String>, weight: u16) -> Self {
        Self {
            title: title.into(),
            weight,
            align: Align::Left,
        }
    }

    /// A number or amount column, right-aligned.
    pub fn number(title: impl Into<String>, weight: u16) -> Self {
        Self {
            title: title.into(),
            weight,
            align: Align::Right,
        }
    }

    /// A short centred column (STT, a result).
    pub fn centered(title: impl Into<String>, weight: u16) -> Self {
        Self {
            title: title.into(),
            weight,
            align: Align::Center,
        }
    }
}

/// A body row of a [`DataTable`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// One text per column; the count must match the columns.
    Cells(Vec<String>),
    /// A bold line across all columns: "I. TẬP THỂ".
    Group(String),
}

/// "Tổng cộng" across the first `label_span` columns, then one cell per remaining column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsRow {
    pub label: String,
    pub label_span: usize,
    pub cells: Vec<String>,
}

/// The signing block: authority prefix, title, the space for the signature, the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// "KT. GIÁM ĐỐC", "TM. HỘI ĐỒNG"; `None` when the head signs in their own name.
    pub authority: Option<String>,
    /// "PHÓ GIÁM ĐỐC", "CHỦ TRÌ", "THƯ KÝ".
    pub title: String,
    pub name: String,
    /// Printed in the signature's space, e.g. "(Đã ký)" on a copy; `None` leaves the space empty.
    pub note: Option<String>,
}

impl Signature {
    pub fn new(title: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            authority: None,
            title: title.into(),
            name: name.into(),
            note: None,
        }
    }

    /// The authority line above the title: "KT. GIÁM ĐỐC".
    pub fn authority(mut self, authority: impl Into<String>) -> Self {
        self.authority = Some(authority.into());
        self
    }

    /// Text in the signature's space: "(Đã ký)".
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// Nơi nhận: each entry printed "- entry;", then "- Lưu: {archive}.".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipients {
    /// Without the leading dash or the final semicolon (both are added, and removed if given).
    pub entries: Vec<String>,
    /// "VT, VP" (văn thư, and the drafting unit).
    pub archive: String,
}

impl Recipients {
    /// The entries, archived "VT, VP".
    pub fn new<I, S>(entries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            entries: entries.into_iter().map(Into::into).collect(),
            archive: "VT, VP".to_owned(),
        }
    }
}

/// Phụ lục: a new page with a centred title, an italic line saying what it is attached to,
/// and its own blocks (usually a table).
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    /// "PHỤ LỤC I" above the title; `None` for a plain annexed list.
    pub label: Option<String>,
    /// "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN".
    pub title: String,
    /// "(Kèm theo Quyết định số 05/QĐ-STP ngày … của Giám đốc Sở Tư pháp)".
    pub caption: Option<String>,
    pub body: Vec<Block>,
}
