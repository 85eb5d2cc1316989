//! The events a subscription may ask for.

use crate::text_enum;

text_enum!(
    /// Something a provincial system may be told about.
    pub enum WebhookEvent {
        /// An obligation not yet met is due in a few days (a reminder before the deadline).
        ObligationDueSoon = "obligation.due_soon" / "Nghĩa vụ sắp đến hạn",
        /// An obligation not yet met is due today.
        ObligationDue = "obligation.due" / "Nghĩa vụ đến hạn hôm nay",
        /// An obligation is past its deadline and not met.
        ObligationOverdue = "obligation.overdue" / "Nghĩa vụ quá hạn",
        /// A report was submitted (or submitted again) for an obligation.
        ReportSubmitted = "report.submitted" / "Báo cáo đã được gửi",
        /// A submitted report was accepted.
        ReportAccepted = "report.accepted" / "Báo cáo đã được tiếp nhận",
        /// A submitted report was returned for revision.
        ReportReturned = "report.returned" / "Báo cáo bị trả lại",
        /// A test delivery the administrator sends on demand.
        Ping = "ping" / "Thử kết nối",
    }
);

impl WebhookEvent {
    /// The events a subscription lists (a ping goes to whoever asks for it).
    pub fn subscribable(self) -> bool {
        self != WebhookEvent::Ping
    }

    /// Parses the stored space-separated list, skipping names no longer known.
    pub fn parse_list(text: &str) -> Vec<WebhookEvent> {
        text.split_whitespace().filter_map(WebhookEvent::parse).collect()
    }

    pub fn join(events: &[WebhookEvent]) -> String {
        events.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(" ")
    }
}
