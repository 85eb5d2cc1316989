//! The card's fonts, compiled into the server (Noto Sans Regular and Bold, OFL 1.1, see
//! `backend/assets/fonts/`): never read from the system, so every server draws the same card.
//! Besides the database the renderer shapes with, the faces answer which characters they cover
//! and how wide a text is (the card wraps its text itself: SVG does not).

use std::sync::{Arc, LazyLock};

use resvg::usvg::fontdb;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
/// The family name both files declare.
pub const FAMILY: &str = "Noto Sans";

static DATABASE: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
    let mut database = fontdb::Database::new();
    database.load_font_data(REGULAR.to_vec());
    database.load_font_data(BOLD.to_vec());
    Arc::new(database)
});

/// The font database the renderer uses: these two faces and nothing else.
pub fn database() -> Arc<fontdb::Database> {
    DATABASE.clone()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }

    /// The SVG `font-weight` of the face.
    pub fn css(self) -> u16 {
        match self {
            Weight::Regular => 400,
            Weight::Bold => 700,
        }
    }
}

/// One face, for measuring and coverage.
pub struct Face {
    font: Option<FontRef<'static>>,
}

impl Face {
    pub fn of(weight: Weight) -> Self {
        Self {
            font: FontRef::new(weight.bytes()).ok(),
        }
    }

    /// Whether the face draws `c` (a glyph other than `.notdef`).
    pub fn covers(&self, c: char) -> bool {
        self.font
            .as_ref()
            .and_then(|font| font.charmap().map(c))
            .is_some_and(|glyph| glyph.to_u32() != 0)
    }

    /// The characters of `text` the face has no glyph for (white space aside).
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && !self.covers(*c))
            .collect();
        missing.dedup();
        missing
    }

    /// The advance width of `text` at `size` pixels, glyph by glyph (kerning aside: callers
    /// leave a margin); a character without a glyph counts as `.notdef`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let Some(font) = self.font.as_ref() else {
            return text.chars().count() as f32 * size * 0.6;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                let glyph = charmap.map(c).unwrap_or_default();
                metrics.advance_width(glyph).unwrap_or(size * 0.6)
            })
            .sum()
    }
}

#[cfg(test)]
/// Every Vietnamese letter: the vowels with each of the five tone marks (and without), in
/// both cases, the breve, circumflex and horn vowels with stacked tones, and đ.
pub const VIETNAMESE: &str = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ \
uùúủũụ ưừứửữự yỳýỷỹỵ đ AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ \
UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ – … “” ‘’ 0123456789 %";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_cover_every_vietnamese_letter() {
        for weight in [Weight::Regular, Weight::Bold] {
            assert!(Face::of(weight).font.is_some(), "{weight:?} parses");
            assert_eq!(
                Face::of(weight).missing(VIETNAMESE),
                Vec::<char>::new(),
                "{weight:?}"
            );
        }
        // The combining tone marks too, for text typed decomposed.
        let combining = "\u{300}\u{301}\u{303}\u{309}\u{323}\u{302}\u{306}\u{31B}";
        assert!(Face::of(Weight::Regular).missing(combining).is_empty());
        // And the check does find what a face lacks.
        assert_eq!(
            Face::of(Weight::Regular).missing("a\u{1F600}"),
            vec!['\u{1F600}']
        );
    }

    #[test]
    fn the_database_holds_the_family_in_both_weights() {
        let database = database();
        let weights: Vec<u16> = database
            .faces()
            .filter(|face| face.families.iter().any(|(name, _)| name == FAMILY))
            .map(|face| face.weight.0)
            .collect();
        assert!(
            weights.contains(&400) && weights.contains(&700),
            "{weights:?}"
        );
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let face = Face::of(Weight::Regular);
        let short = face.width("Nguyễn", 20.0);
        assert!(short > 30.0 && short < 100.0, "{short}");
        assert!(face.width("Nguyễn Thị Hồng Nhung", 20.0) > short);
        assert!((face.width("Nguyễn", 40.0) - 2.0 * short).abs() < 0.5);
        assert!(Face::of(Weight::Bold).width("Nguyễn", 20.0) > short);
    }
}
