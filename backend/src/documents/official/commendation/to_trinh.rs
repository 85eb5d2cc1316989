//! Tờ trình đề nghị khen thưởng: the grounds and the background, the request, and the list of
//! nominees as an annex.

use chrono::NaiveDate;

use super::awardees::{Awardee, awardee_table, counts_phrase, who};
use super::sentences::sentence;
use crate::documents::official::model::{
    Agency, Annex, Block, DocumentKind, OfficialDocument, Recipients, Signature,
};

/// What a tờ trình proposing awards needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToTrinhKhenThuong {
    /// The proposing body: the Office ("SỞ TƯ PHÁP" / "VĂN PHÒNG", code "VP") or the council.
    pub agency: Agency,
    pub number: Option<u32>,
    pub date: Option<NaiveDate>,
    /// Trích yếu: "Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân …".
    pub subject: String,
    /// Kính gửi: "Giám đốc Sở Tư pháp".
    pub addressee: String,
    /// The căn cứ, as full sentences.
    pub grounds: Vec<String>,
    /// What happened: the movement, the review, the council's vote; one paragraph each.
    pub background: Vec<String>,
    /// "Giấy khen của Giám đốc Sở Tư pháp".
    pub award_form: String,
    pub nominees: Vec<Awardee>,
    pub signature: Signature,
    pub recipients: Recipients,
}

/// The tờ trình, with the list of nominees annexed.
pub fn to_trinh(input: &ToTrinhKhenThuong) -> OfficialDocument {
    let mut doc = OfficialDocument::new(&input.agency, DocumentKind::ToTrinh, input.subject.trim());
    doc.number = input.number;
    doc.date = input.date;
    if !input.addressee.trim().is_empty() {
        doc.addressees = vec![input.addressee.trim().to_owned()];
    }
    doc.body = input
        .grounds
        .iter()
        .chain(&input.background)
        .filter(|p| !p.trim().is_empty())
        .map(|p| Block::text(p.trim()))
        .collect();
    let form = input.award_form.trim();
    let request = sentence(&format!(
        "Kính trình {} xem xét, quyết định tặng {form} cho {} (có danh sách kèm theo)",
        input.addressee.trim(),
        counts_phrase(&input.nominees)
    ));
    doc.body.push(Block::text(format!("{request}/.")));
    doc.signature = Some(input.signature.clone());
    doc.recipients = Some(input.recipients.clone());
    doc.annexes.push(Annex {
        label: None,
        title: format!(
            "DANH SÁCH {} ĐỀ NGHỊ TẶNG {}",
            who(&input.nominees).to_uppercase(),
            form.to_uppercase()
        ),
        caption: Some(format!("(Kèm theo {})", doc.reference())),
        body: vec![Block::Table(awardee_table(&input.nominees))],
    });
    doc
}
