//! Sending one queued message over SMTP.

use std::time::SystemTime;

use chrono::{DateTime, Utc};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::config::{SmtpSettings, SmtpTls};
use super::outbox::LeasedEmail;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(settings: &SmtpSettings) -> Result<Self, String> {
        let builder = match settings.tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host),
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)
                .map_err(|e| format!("SMTP {}: {e}", settings.host))?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)
                .map_err(|e| format!("SMTP {}: {e}", settings.host))?,
        };
        let mut builder = builder.port(settings.port).timeout(Some(settings.timeout));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Self {
            transport: builder.build(),
            from: settings.from.clone(),
        })
    }

    /// The message as it is sent: plain UTF-8 text in base64, the subject encoded as RFC 2047
    /// words, dated by the application's clock.
    pub fn message(&self, email: &LeasedEmail, now: DateTime<Utc>) -> Result<Message, String> {
        let address = email
            .to_address
            .parse()
            .map_err(|e| format!("Địa chỉ người nhận không hợp lệ: {e}"))?;
        let to = Mailbox::new(Some(email.to_name.clone()), address);
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .date(SystemTime::from(now))
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::Base64)
                    .body(email.body.clone()),
            )
            .map_err(|e| format!("Không tạo được thư: {e}"))
    }

    pub async fn send(&self, email: &LeasedEmail, now: DateTime<Utc>) -> Result<(), String> {
        let message = self.message(email, now)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| format!("Máy chủ thư từ chối hoặc không trả lời: {e}"))
    }
}
