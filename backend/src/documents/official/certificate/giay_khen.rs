//! What a Giấy khen says, and the text of each of its variable fields.

use chrono::{Datelike, NaiveDate};

use super::layout::CertificateField;
use crate::documents::official::dates::{date_line, day_text, month_text, number_line};
use crate::documents::official::model::Signature;

/// One Giấy khen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiayKhen {
    /// "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP".
    pub issuer_title: String,
    /// "Ông Nguyễn Văn A", or the collective's name.
    pub recipient: String,
    /// Chức vụ, for an individual.
    pub position: Option<String>,
    /// Đơn vị.
    pub unit: Option<String>,
    /// "Đã có thành tích xuất sắc trong …".
    pub achievement: String,
    pub decision_number: Option<u32>,
    /// "QĐ-STP".
    pub decision_symbol: String,
    /// Số vào sổ khen thưởng.
    pub register_number: Option<String>,
    pub place: String,
    /// The decision's date; `None` leaves it blank.
    pub date: Option<NaiveDate>,
    pub signature: Signature,
}

impl GiayKhen {
    /// The text printed for `field`; empty when the certificate has nothing for it (then
    /// nothing is printed).
    pub fn field_text(&self, field: CertificateField) -> String {
        use CertificateField as F;
        let optional =
            |value: &Option<String>| value.as_deref().unwrap_or_default().trim().to_owned();
        match field {
            F::RecipientName => self.recipient.trim().to_owned(),
            F::Position => optional(&self.position),
            F::UnitName => optional(&self.unit),
            F::Achievement => self.achievement.trim().to_owned(),
            F::DecisionNumber => number_line(self.decision_number, &self.decision_symbol),
            F::RegisterNumber => optional(&self.register_number),
            F::DateLine => date_line(&self.place, self.date),
            F::Place => self.place.trim().to_owned(),
            F::Day => self.date.map(|d| day_text(d.day())).unwrap_or_default(),
            F::Month => self.date.map(|d| month_text(d.month())).unwrap_or_default(),
            F::Year => self.date.map(|d| d.year().to_string()).unwrap_or_default(),
            F::IssuerTitle => self.issuer_title.trim().to_uppercase(),
            F::SignerAuthority => optional(&self.signature.authority).to_uppercase(),
            F::SignerTitle => self.signature.title.trim().to_uppercase(),
            F::SignerName => self.signature.name.trim().to_owned(),
        }
    }
}
