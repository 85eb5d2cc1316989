//! Content-addressed file storage under the data directory, content-type detection from the
//! bytes themselves, and image thumbnails.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult, ErrorCode};

/// Image decodes (for thumbnails) that may run at once: each may take up to the decoder's
/// allocation limit, so a burst of uploads cannot multiply it.
pub static DECODES: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// File kinds accepted as evidence, recognised by their content.
const ALLOWED: &[(&str, &str)] = &[
    ("application/pdf", "PDF"),
    ("image/jpeg", "JPEG"),
    ("image/png", "PNG"),
    ("image/webp", "WebP"),
    ("image/gif", "GIF"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (.docx)",
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel (.xlsx)",
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PowerPoint (.pptx)",
    ),
    ("application/msword", "Word (.doc)"),
    ("application/vnd.ms-excel", "Excel (.xls)"),
    (
        "application/vnd.oasis.opendocument.text",
        "OpenDocument (.odt)",
    ),
];

const THUMBNAIL_EDGE: u32 = 320;

/// The detected type of `bytes`, if it is one we accept.
pub fn detect(bytes: &[u8]) -> AppResult<&'static str> {
    let detected = infer::get(bytes).map(|kind| kind.mime_type());
    match detected.and_then(|mime| ALLOWED.iter().find(|(allowed, _)| *allowed == mime)) {
        Some((mime, _)) => Ok(mime),
        None => {
            let names: Vec<&str> = ALLOWED.iter().map(|(_, name)| *name).collect();
            Err(
                AppError::new(ErrorCode::UnsupportedFileType).with_detail(format!(
                    "Nội dung tệp không thuộc loại được chấp nhận: {}.",
                    names.join(", ")
                )),
            )
        }
    }
}

pub fn is_image(content_type: &str) -> bool {
    content_type.starts_with("image/")
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[derive(Debug, Clone)]
pub struct Storage {
    root: PathBuf,
}

impl Storage {
    pub fn new(data_dir: &Path) -> Self {
        Self {
            root: data_dir.to_path_buf(),
        }
    }

    fn valid_hash(sha256: &str) -> AppResult<&str> {
        if sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(sha256)
        } else {
            Err(AppError::internal(format!("invalid stored hash {sha256}")))
        }
    }

    pub fn file_path(&self, sha256: &str) -> AppResult<PathBuf> {
        let sha256 = Self::valid_hash(sha256)?;
        Ok(self.root.join("files").join(&sha256[..2]).join(sha256))
    }

    pub fn thumbnail_path(&self, sha256: &str) -> AppResult<PathBuf> {
        let sha256 = Self::valid_hash(sha256)?;
        Ok(self
            .root
            .join("thumbnails")
            .join(&sha256[..2])
            .join(format!("{sha256}.png")))
    }

    /// Stores `bytes` under their hash (once, however often uploaded); returns the hash.
    pub fn store(&self, bytes: &[u8]) -> AppResult<String> {
        let sha256 = sha256_hex(bytes);
        let path = self.file_path(&sha256)?;
        if !path.exists() {
            write_atomically(&path, bytes)?;
        }
        Ok(sha256)
    }

    /// Makes a PNG thumbnail for an image; `false` when the image cannot be decoded safely.
    pub fn make_thumbnail(&self, sha256: &str, bytes: &[u8]) -> AppResult<bool> {
        let path = self.thumbnail_path(sha256)?;
        if path.exists() {
            return Ok(true);
        }
        let Some(image) = decode_image(bytes) else {
            return Ok(false);
        };
        let thumbnail = image.thumbnail(THUMBNAIL_EDGE, THUMBNAIL_EDGE);
        let mut encoded = Vec::new();
        thumbnail
            .write_to(&mut Cursor::new(&mut encoded), image::ImageFormat::Png)
            .map_err(AppError::internal)?;
        write_atomically(&path, &encoded)?;
        Ok(true)
    }
}

/// Decodes an image within the decoder's limits (12 000 px a side, 256 MB of memory); `None`
/// when it is not an image or cannot be decoded safely. Callers hold a [`DECODES`] permit.
pub fn decode_image(bytes: &[u8]) -> Option<image::DynamicImage> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    reader.decode().ok()
}

fn write_atomically(path: &Path, bytes: &[u8]) -> AppResult<()> {
    let dir = path
        .parent()
        .ok_or_else(|| AppError::internal("storage path without a directory"))?;
    std::fs::create_dir_all(dir).map_err(AppError::internal)?;
    let mut temporary = tempfile::NamedTempFile::new_in(dir).map_err(AppError::internal)?;
    temporary.write_all(bytes).map_err(AppError::internal)?;
    temporary.persist(path).map_err(AppError::internal)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content_not_name() {
        assert_eq!(detect(b"%PDF-1.7\n...").ok(), Some("application/pdf"));
        assert_eq!(
            detect(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).ok(),
            Some("image/png")
        );
        let refused = detect(b"MZ\x90\x00 an executable pretending to be a PDF").err();
        assert_eq!(
            refused.map(|e| e.code),
            Some(ErrorCode::UnsupportedFileType)
        );
        assert!(detect(b"plain text").is_err());
    }

    #[test]
    fn stores_once_by_hash_and_makes_thumbnails() {
        let dir = tempfile::tempdir().unwrap_or_else(|_| std::process::abort());
        let storage = Storage::new(dir.path());
        let mut png = Vec::new();
        image::RgbImage::from_pixel(800, 600, image::Rgb([200, 30, 30]))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap_or_default();
        let first = storage.store(&png).unwrap_or_default();
        let second = storage.store(&png).unwrap_or_default();
        assert_eq!(first, second);
        assert!(
            storage
                .file_path(&first)
                .map(|p| p.exists())
                .unwrap_or(false)
        );
        assert!(storage.make_thumbnail(&first, &png).unwrap_or(false));
        let thumb = image::open(storage.thumbnail_path(&first).unwrap_or_default())
            .map(|i| (i.width(), i.height()));
        assert_eq!(thumb.ok(), Some((320, 240)));
        assert!(
            !storage
                .make_thumbnail(&"0".repeat(64), b"%PDF-1.4")
                .unwrap_or(true)
        );
    }
}
