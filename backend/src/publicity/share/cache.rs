//! Rendered cards, kept while their content is unchanged: keyed by the exemplar, its version,
//! its photo and a digest of everything drawn (the unit's name or the Department's can change
//! without the exemplar's version), bounded in bytes and dropped when unused for a day.

use std::sync::LazyLock;
use std::time::Duration;

use actix_web::web::Bytes;
use moka::sync::Cache;
use sha2::{Digest, Sha256};

use super::card::CardContent;

/// At most this many bytes of PNG are kept (a card weighs 100–400 KB).
const CAPACITY_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardKey {
    pub exemplar_id: i64,
    pub version: i32,
    pub photo_id: Option<i64>,
    /// SHA-256 of the drawn text and the photo's own digest.
    pub digest: [u8; 32],
}

impl CardKey {
    /// The key of `content` (its `photo` bytes not read: `photo_sha256` stands for them).
    pub fn new(
        exemplar_id: i64,
        version: i32,
        photo: Option<(i64, &str)>,
        content: &CardContent,
    ) -> Self {
        let mut hasher = Sha256::new();
        for part in [
            &content.department,
            &content.category,
            &content.name,
            &content.unit,
            &content.headline,
            &content.site,
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0u8]);
        }
        hasher.update(photo.map_or("", |(_, sha)| sha).as_bytes());
        Self {
            exemplar_id,
            version,
            photo_id: photo.map(|(id, _)| id),
            digest: hasher.finalize().into(),
        }
    }
}

static CARDS: LazyLock<Cache<CardKey, Bytes>> = LazyLock::new(|| {
    Cache::builder()
        .max_capacity(CAPACITY_BYTES)
        .weigher(|_, png: &Bytes| u32::try_from(png.len()).unwrap_or(u32::MAX))
        .time_to_idle(Duration::from_secs(24 * 3600))
        .build()
});

pub fn get(key: &CardKey) -> Option<Bytes> {
    CARDS.get(key)
}

pub fn put(key: CardKey, png: Bytes) {
    CARDS.insert(key, png);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_changes_with_anything_drawn() {
        let content = CardContent {
            name: "Nguyễn Văn A".into(),
            unit: "Phòng Hành chính tư pháp".into(),
            ..CardContent::default()
        };
        let key = CardKey::new(7, 3, Some((11, "abc")), &content);
        assert_eq!(key, CardKey::new(7, 3, Some((11, "abc")), &content));
        let renamed = CardContent {
            unit: "Phòng Hành chính và Bổ trợ tư pháp".into(),
            ..content.clone()
        };
        assert_ne!(key, CardKey::new(7, 3, Some((11, "abc")), &renamed));
        assert_ne!(key, CardKey::new(7, 4, Some((11, "abc")), &content));
        assert_ne!(key, CardKey::new(7, 3, Some((12, "def")), &content));
        put(key.clone(), Bytes::from_static(b"png"));
        assert_eq!(get(&key).as_deref(), Some(&b"png"[..]));
    }
}
