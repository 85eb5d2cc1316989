//! Quyết định khen thưởng: căn cứ, Điều 1 (the award, list annexed), Điều 2 (the reward money),
//! Điều 3 (entry into force and execution), and the annexed list.

use chrono::NaiveDate;

use super::awardees::{Awardee, awardee_table, counts_phrase, total_reward, who};
use super::sentences::{grounds_and_proposal, sentence};
use crate::documents::official::model::{
    Agency, Annex, Block, DocumentKind, OfficialDocument, Recipients, Signature,
};
use crate::documents::official::numbers::{amount_in_words, format_dong};

/// What a decision awarding a Giấy khen (or another form) needs. The legal grounds are data:
/// the instruments change (NĐ 98/2023 gave way to NĐ 152/2025), so nothing here names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuyetDinhKhenThuong {
    pub agency: Agency,
    pub number: Option<u32>,
    pub date: Option<NaiveDate>,
    /// Under the trích yếu: "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP".
    pub issuer_title: String,
    /// In the sentences and the annex: "Giám đốc Sở Tư pháp".
    pub awarded_by: String,
    /// "Giấy khen".
    pub award_form: String,
    /// What it is for, continuing "… cho tập thể, cá nhân": "đã có thành tích xuất sắc trong
    /// thực hiện nhiệm vụ năm 2025".
    pub occasion: String,
    /// "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022", …; each
    /// ends with ";" in the document, whatever it ends with here.
    pub grounds: Vec<String>,
    /// "Theo đề nghị của Chánh Văn phòng Sở"; ends with "." in the document.
    pub proposal: String,
    pub awardees: Vec<Awardee>,
    /// Where the money comes from: "Kinh phí khen thưởng được chi từ Quỹ thi đua, khen thưởng
    /// của Sở Tư pháp".
    pub funding: String,
    /// Who carries it out: "Chánh Văn phòng Sở, Thủ trưởng các đơn vị thuộc và trực thuộc Sở
    /// và các tập thể, cá nhân có tên tại Điều 1".
    pub executors: String,
    pub signature: Signature,
    pub recipients: Recipients,
}

impl QuyetDinhKhenThuong {
    /// "Về việc tặng Giấy khen cho tập thể, cá nhân đã có thành tích …".
    pub fn subject(&self) -> String {
        let base = format!(
            "Về việc tặng {} cho {}",
            self.award_form.trim(),
            who(&self.awardees)
        );
        match self.occasion.trim() {
            "" => base,
            occasion => format!("{base} {occasion}"),
        }
    }
}

/// The decision, with the list of awardees as its annex.
pub fn quyet_dinh_khen_thuong(input: &QuyetDinhKhenThuong) -> OfficialDocument {
    let mut doc = OfficialDocument::new(&input.agency, DocumentKind::QuyetDinh, input.subject());
    doc.number = input.number;
    doc.date = input.date;
    doc.issuer_line = Some(input.issuer_title.clone());

    doc.body = grounds_and_proposal(&input.grounds, &input.proposal)
        .into_iter()
        .map(Block::italic)
        .collect();
    doc.body.push(Block::centered_bold("QUYẾT ĐỊNH:"));

    let form = input.award_form.trim();
    let mut award = format!(
        "Tặng {form} của {} cho {} (có danh sách kèm theo)",
        input.awarded_by.trim(),
        counts_phrase(&input.awardees)
    );
    if !input.occasion.trim().is_empty() {
        award = format!("{award} {}", input.occasion.trim());
    }
    let mut articles = vec![sentence(&award)];
    let total = total_reward(&input.awardees);
    if total > 0 {
        let mut money = format!(
            "Tiền thưởng kèm theo {form} của mỗi tập thể, cá nhân theo danh sách kèm theo; tổng \
             số tiền thưởng là {} đồng (Bằng chữ: {})",
            format_dong(total),
            amount_in_words(u64::try_from(total).unwrap_or(u64::MAX))
        );
        if !input.funding.trim().is_empty() {
            money = format!("{}. {}", money, input.funding.trim());
        }
        articles.push(sentence(&money));
    }
    let mut execution = "Quyết định này có hiệu lực kể từ ngày ký.".to_owned();
    if !input.executors.trim().is_empty() {
        execution = format!(
            "{execution} {} chịu trách nhiệm thi hành Quyết định này",
            input.executors.trim().trim_end_matches(['.', ';'])
        );
    }
    // The decree ends the body of a decision with "./.".
    articles.push(format!("{}/.", sentence(&execution)));
    doc.body.extend(
        articles
            .into_iter()
            .zip(1..)
            .map(|(text, number)| Block::article(number, text)),
    );

    doc.signature = Some(input.signature.clone());
    doc.recipients = Some(input.recipients.clone());
    doc.annexes.push(Annex {
        label: None,
        title: format!(
            "DANH SÁCH {} ĐƯỢC TẶNG {}",
            who(&input.awardees).to_uppercase(),
            form.to_uppercase()
        ),
        caption: Some(format!(
            "(Kèm theo {} của {})",
            doc.reference(),
            input.awarded_by.trim()
        )),
        body: vec![Block::Table(awardee_table(&input.awardees))],
    });
    doc
}
