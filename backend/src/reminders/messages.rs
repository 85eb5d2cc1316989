//! The words of a reminder, in Vietnamese.

use crate::obligations::model::Obligation;

pub struct Texts {
    pub title: String,
    pub body: String,
    pub email_subject: String,
}

fn who(obligation: &Obligation) -> String {
    obligation
        .unit
        .as_ref()
        .map_or_else(|| "Văn phòng Sở".to_owned(), |u| u.name.clone())
}

pub fn texts(obligation: &Obligation, offset: i32) -> Texts {
    let due = obligation.due_on.format("%d/%m/%Y");
    let who = who(obligation);
    let what = &obligation.title;
    let to = &obligation.owed_to;
    let (headline, body) = match offset {
        o if o < 0 => (
            "Sắp đến hạn",
            format!("{who}: {what} — hạn cuối ngày {due} (còn {} ngày). Đề nghị hoàn thành và gửi {to} đúng hạn.", -o),
        ),
        0 => (
            "Hôm nay là hạn",
            format!("{who}: {what} — hôm nay ({due}) là hạn cuối. Đề nghị hoàn thành và gửi {to} trong ngày."),
        ),
        o => (
            "Quá hạn",
            format!("{who}: {what} — đã quá hạn {o} ngày (hạn cuối ngày {due}) mà chưa thực hiện. Đề nghị khẩn trương hoàn thành và gửi {to}."),
        ),
    };
    Texts {
        title: format!("{headline}: {what}"),
        email_subject: format!("[Lan Tỏa] {headline}: {what} – {who}"),
        body,
    }
}

/// The e-mail's text.
pub fn email_body(name: &str, texts: &Texts, link: &str, public_url: Option<&str>) -> String {
    let open = match public_url {
        Some(base) => format!("Xem và thực hiện tại: {base}{link}"),
        None => "Xem và thực hiện trong hệ thống Lan Tỏa, mục Lịch báo cáo.".to_owned(),
    };
    format!(
        "Kính gửi {name},\n\n{}\n\n{open}\n\nThư này được gửi tự động từ hệ thống Lan Tỏa – Sở Tư pháp tỉnh Đồng Tháp. Vui lòng không trả lời thư này.\n",
        texts.body
    )
}
