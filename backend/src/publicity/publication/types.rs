//! The vocabulary of publication.

use crate::text_enum;

text_enum!(
    /// Where an exemplar stands on the public portal.
    pub enum PublicationStatus {
        /// Never published (a text or a consent may have been saved).
        NotPublished = "not_published" / "Chưa công bố",
        /// Published by the Office.
        Published = "published" / "Đang công bố",
        /// Taken down (with a reason); it may be published again.
        Unpublished = "unpublished" / "Đã gỡ công bố",
    }
);

text_enum!(
    /// How the subject (an individual) agreed to be published.
    pub enum ConsentMethod {
        Written = "written" / "Bằng văn bản",
        Verbal = "verbal" / "Bằng lời nói",
        Email = "email" / "Qua thư điện tử",
    }
);
