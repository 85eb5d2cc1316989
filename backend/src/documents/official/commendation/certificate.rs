//! A Giấy khen for one awardee of a decision.

use super::awardees::Awardee;
use super::quyet_dinh::QuyetDinhKhenThuong;
use super::sentences::sentence;
use crate::documents::official::certificate::GiayKhen;
use crate::documents::official::model::{DocumentKind, symbol};
use crate::documents::official::text::capitalize;

/// The certificate of `awardee` under `decision`: its number, date, place and signer, and the
/// awardee's own achievement (the decision's occasion when the awardee has none).
pub fn giay_khen(decision: &QuyetDinhKhenThuong, awardee: &Awardee) -> GiayKhen {
    let achievement = match awardee.achievement.trim() {
        "" => decision.occasion.trim(),
        own => own,
    };
    let non_empty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    GiayKhen {
        issuer_title: decision.issuer_title.clone(),
        recipient: awardee.name.trim().to_owned(),
        position: awardee.position.as_deref().and_then(non_empty),
        unit: non_empty(&awardee.unit),
        achievement: sentence(&capitalize(achievement)),
        decision_number: decision.number,
        decision_symbol: symbol(DocumentKind::QuyetDinh, &decision.agency.code),
        register_number: None,
        place: decision.agency.place.clone(),
        date: decision.date,
        signature: decision.signature.clone(),
    }
}
