//! The picture the public sees of an exemplar: never the uploaded file itself (which may be
//! large and carry camera metadata such as the place it was taken), but a re-encoded JPEG at
//! most 960 px a side, made from the upload within the decoder's limits and kept in a bounded
//! cache by the attachment's content.

use std::io::Cursor;
use std::sync::LazyLock;
use std::time::Duration;

use actix_web::web::Bytes;
use image::codecs::jpeg::JpegEncoder;
use moka::sync::Cache;

use crate::attachments::storage;

/// The longest side of the public picture.
pub const EDGE: u32 = 960;
const QUALITY: u8 = 85;
const CAPACITY_BYTES: u64 = 48 * 1024 * 1024;

static RENDITIONS: LazyLock<Cache<String, Bytes>> = LazyLock::new(|| {
    Cache::builder()
        .max_capacity(CAPACITY_BYTES)
        .weigher(|_, jpeg: &Bytes| u32::try_from(jpeg.len()).unwrap_or(u32::MAX))
        .time_to_idle(Duration::from_secs(24 * 3600))
        .build()
});

/// The cached picture of the upload whose content hash is `sha256`.
pub fn cached(sha256: &str) -> Option<Bytes> {
    RENDITIONS.get(sha256)
}

pub fn keep(sha256: &str, jpeg: Bytes) {
    RENDITIONS.insert(sha256.to_owned(), jpeg);
}

/// The public JPEG of an uploaded image; `None` when it cannot be decoded safely. Costly:
/// callers hold a [`storage::DECODES`] permit and run it off the async executor.
pub fn rendition(bytes: &[u8]) -> Option<Vec<u8>> {
    let image = storage::decode_image(bytes)?;
    let image = if image.width() > EDGE || image.height() > EDGE {
        image.thumbnail(EDGE, EDGE)
    } else {
        image
    };
    // JPEG has no transparency: whatever is transparent shows white.
    let rgba = image.to_rgba8();
    let (width, height) = rgba.dimensions();
    let rgb = image::RgbImage::from_fn(width, height, |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    });
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(Cursor::new(&mut jpeg), QUALITY)
        .encode_image(&rgb)
        .ok()?;
    Some(jpeg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_pictures_shrink_and_lose_their_metadata() {
        let mut png = Vec::new();
        image::RgbaImage::from_pixel(2000, 1000, image::Rgba([10, 120, 200, 255]))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap_or_default();
        let jpeg = rendition(&png).unwrap_or_default();
        let decoded = image::load_from_memory_with_format(&jpeg, image::ImageFormat::Jpeg);
        assert_eq!(
            decoded.map(|i| (i.width(), i.height())).ok(),
            Some((960, 480))
        );
        assert!(rendition(b"%PDF-1.4 not a picture").is_none());
    }
}
