//! The four documents of the commendation workflow, each built from its own input in one call:
//! the tờ trình proposing awards, the minutes of the council's vote, the decision with its
//! annexed list, and a Giấy khen per awardee.

mod awardees;
mod bien_ban;
mod certificate;
mod quyet_dinh;
mod sentences;
mod to_trinh;

pub use awardees::{Awardee, AwardeeKind, awardee_table};
pub use bien_ban::{
    Absence, BienBanHopHoiDong, Participant, Tally, Threshold, VoteBase, bien_ban_hop_hoi_dong,
};
pub use certificate::giay_khen;
pub use quyet_dinh::{QuyetDinhKhenThuong, quyet_dinh_khen_thuong};
pub use to_trinh::{ToTrinhKhenThuong, to_trinh};
