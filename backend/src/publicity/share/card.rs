//! The 1200×630 share card (the size Facebook and Zalo preview links at): the exemplar's photo
//! (or a placeholder with its initials) on the left; the Department, the category, the name, the
//! unit and a headline on the right; a footer with the programme and the site. The text is laid
//! out here ([`super::layout`]) and drawn by resvg with the compiled-in fonts; the photo is
//! decoded within the upload limits and drawn straight onto the pixels.

use std::fmt::Write as _;

use image::imageops::FilterType;
use resvg::tiny_skia::{IntSize, Pixmap, PixmapPaint, Transform};
use resvg::usvg;

use super::fonts::{self, Face, Weight};
use super::layout;
use crate::attachments::storage;
use crate::error::{AppError, AppResult};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// The photo panel on the left.
const PHOTO_WIDTH: u32 = 440;
/// The text column.
const LEFT: f32 = 500.0;
const TEXT_WIDTH: f32 = 640.0;
const FOOTER_TOP: f32 = 560.0;

const NAVY: &str = "#0B5394";
const GOLD: &str = "#FAAD14";
const RED: &str = "#C4320A";
const INK: &str = "#1F1F1F";
const GREY: &str = "#595959";

/// What a card shows.
#[derive(Debug, Clone, Default)]
pub struct CardContent {
    /// "Sở Tư pháp tỉnh Đồng Tháp".
    pub department: String,
    /// The category's label ("Điển hình tiên tiến").
    pub category: String,
    pub name: String,
    pub unit: String,
    pub headline: String,
    /// The site, bottom right ("stp.dongthap.gov.vn").
    pub site: String,
    /// The photo as uploaded (any accepted image kind); `None` or undecodable: the placeholder.
    pub photo: Option<Vec<u8>>,
}

/// Text for SVG: the five XML specials escaped, control characters dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One `<text>` element per line, baselines `line_height` apart from `top`; returns the
/// baseline of the last line (or `top` without lines).
#[allow(clippy::too_many_arguments)]
fn lines(
    svg: &mut String,
    lines: &[String],
    x: f32,
    top: f32,
    line_height: f32,
    size: f32,
    weight: Weight,
    fill: &str,
) -> f32 {
    let mut baseline = top;
    for (index, line) in lines.iter().enumerate() {
        baseline = top + line_height * index as f32;
        let _ = write!(
            svg,
            r#"<text x="{x}" y="{baseline}" font-family="{family}" font-size="{size}" font-weight="{weight}" fill="{fill}">{text}</text>"#,
            family = fonts::FAMILY,
            weight = weight.css(),
            text = escape(line),
        );
    }
    baseline
}

/// The initials of a name: its first and last words' first letters ("Nguyễn Thị Hồng Nhung" →
/// "NN", "Tổ hòa giải ấp Tân Phong" → "TP").
fn initials(name: &str) -> String {
    let normalized = layout::normalized(name);
    let words: Vec<&str> = normalized
        .split(' ')
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .collect();
    let first = |w: &&str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
    };
    match (words.first(), words.last()) {
        (Some(a), Some(b)) if words.len() > 1 => format!(
            "{}{}",
            first(a).unwrap_or_default(),
            first(b).unwrap_or_default()
        ),
        (Some(a), _) => first(a).unwrap_or_default(),
        _ => "★".to_owned(),
    }
}

/// The card as SVG: everything but the photo's pixels.
fn svg(content: &CardContent, with_photo: bool) -> String {
    let regular = Face::of(Weight::Regular);
    let bold = Face::of(Weight::Bold);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">"#
    );
    let _ = write!(
        svg,
        r##"<defs><linearGradient id="panel" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{NAVY}"/><stop offset="1" stop-color="#13A8A8"/></linearGradient></defs><rect width="{WIDTH}" height="{HEIGHT}" fill="#FFFFFF"/><rect width="{PHOTO_WIDTH}" height="{HEIGHT}" fill="url(#panel)"/>"##
    );
    if !with_photo {
        let letters = initials(&content.name);
        let center = PHOTO_WIDTH as f32 / 2.0;
        let _ = write!(
            svg,
            r##"<circle cx="{center}" cy="290" r="130" fill="#FFFFFF" fill-opacity="0.16"/><text x="{center}" y="330" text-anchor="middle" font-family="{family}" font-size="110" font-weight="700" fill="#FFFFFF">{text}</text>"##,
            family = fonts::FAMILY,
            text = escape(&letters),
        );
    }
    let _ = write!(
        svg,
        r#"<rect x="{PHOTO_WIDTH}" width="10" height="{HEIGHT}" fill="{GOLD}"/>"#
    );
    let department = layout::wrap(
        &bold,
        &content.department.to_uppercase(),
        22.0,
        TEXT_WIDTH,
        1,
    );
    lines(
        &mut svg,
        &department,
        LEFT,
        76.0,
        28.0,
        22.0,
        Weight::Bold,
        NAVY,
    );
    let category = layout::wrap(&bold, &content.category.to_uppercase(), 20.0, TEXT_WIDTH, 1);
    lines(
        &mut svg,
        &category,
        LEFT,
        112.0,
        26.0,
        20.0,
        Weight::Bold,
        RED,
    );
    let _ = write!(
        svg,
        r#"<rect x="{LEFT}" y="128" width="84" height="4" fill="{GOLD}"/>"#
    );
    // The name: two lines at most, smaller when it needs two.
    let mut name_size = 50.0;
    let mut name = layout::wrap(&bold, &content.name, name_size, TEXT_WIDTH, 1);
    if name.first().is_some_and(|l| l.ends_with(layout::ELLIPSIS)) {
        name_size = 42.0;
        name = layout::wrap(&bold, &content.name, name_size, TEXT_WIDTH, 2);
    }
    let mut y = lines(
        &mut svg,
        &name,
        LEFT,
        128.0 + 16.0 + name_size,
        name_size * 1.18,
        name_size,
        Weight::Bold,
        INK,
    );
    let unit = layout::wrap(&regular, &content.unit, 24.0, TEXT_WIDTH, 2);
    y = lines(
        &mut svg,
        &unit,
        LEFT,
        y + 44.0,
        32.0,
        24.0,
        Weight::Regular,
        GREY,
    );
    // The headline fills what is left above the footer.
    let top = y + 54.0;
    let line_height = 36.0;
    let room = ((FOOTER_TOP - 24.0 - top) / line_height).floor().max(0.0) as usize + 1;
    if top < FOOTER_TOP - 24.0 {
        let headline = layout::wrap(&regular, &content.headline, 25.0, TEXT_WIDTH, room.min(6));
        lines(
            &mut svg,
            &headline,
            LEFT,
            top,
            line_height,
            25.0,
            Weight::Regular,
            INK,
        );
    }
    let _ = write!(
        svg,
        r#"<rect x="{x}" y="{FOOTER_TOP}" width="{w}" height="{h}" fill="{NAVY}"/>"#,
        x = PHOTO_WIDTH + 10,
        w = WIDTH - PHOTO_WIDTH - 10,
        h = HEIGHT as f32 - FOOTER_TOP,
    );
    let programme = "Lan Tỏa · Điển hình tiên tiến 2026–2030";
    lines(
        &mut svg,
        &[programme.to_owned()],
        LEFT,
        604.0,
        0.0,
        20.0,
        Weight::Regular,
        "#FFFFFF",
    );
    let room = TEXT_WIDTH - regular.width(programme, 20.0) - 32.0;
    if room > 40.0
        && let Some(site) = layout::wrap(&regular, &content.site, 20.0, room, 1).first()
    {
        let _ = write!(
            svg,
            r#"<text x="{x}" y="604" text-anchor="end" font-family="{family}" font-size="20" font-weight="700" fill="{GOLD}">{text}</text>"#,
            x = LEFT + TEXT_WIDTH,
            family = fonts::FAMILY,
            text = escape(site),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The photo cropped to fill the panel, opaque (over white), as pixels to draw.
fn photo_pixmap(bytes: &[u8]) -> Option<Pixmap> {
    let image = storage::decode_image(bytes)?;
    let filled = image
        .resize_to_fill(PHOTO_WIDTH, HEIGHT, FilterType::Triangle)
        .to_rgba8();
    let mut data = filled.into_raw();
    for pixel in data.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        for channel in &mut pixel[..3] {
            *channel = ((u16::from(*channel) * alpha + 255 * (255 - alpha)) / 255) as u8;
        }
        pixel[3] = 255;
    }
    Pixmap::from_vec(data, IntSize::from_wh(PHOTO_WIDTH, HEIGHT)?)
}

/// The options the card's SVG is read with: the compiled-in fonts only, no external images.
fn options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        languages: vec!["vi".to_owned()],
        fontdb: fonts::database(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

/// Renders SVG text at its own size into pixels.
pub fn rasterize(svg: &str, width: u32, height: u32) -> AppResult<Pixmap> {
    let tree = usvg::Tree::from_str(svg, &options()).map_err(AppError::internal)?;
    let mut pixmap =
        Pixmap::new(width, height).ok_or_else(|| AppError::internal("cannot allocate the card"))?;
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The card as PNG. Costly (a photo decode and a render): callers hold a
/// [`storage::DECODES`] permit and run it off the async executor.
pub fn render(content: &CardContent) -> AppResult<Vec<u8>> {
    let photo = content.photo.as_deref().and_then(photo_pixmap);
    let mut pixmap = rasterize(&svg(content, photo.is_some()), WIDTH, HEIGHT)?;
    if let Some(photo) = photo {
        pixmap.draw_pixmap(
            0,
            0,
            photo.as_ref(),
            &PixmapPaint::default(),
            Transform::identity(),
            None,
        );
    }
    pixmap.encode_png().map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publicity::share::fonts::VIETNAMESE;

    fn content() -> CardContent {
        CardContent {
            department: "Sở Tư pháp tỉnh Đồng Tháp".into(),
            category: "Điển hình tiên tiến".into(),
            name: "Nguyễn Thị Hồng Nhung".into(),
            unit: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp".into(),
            headline: "Từ đầu năm 2025 đến nay trực tiếp thực hiện 186 vụ việc trợ giúp pháp lý, trong đó 42 vụ việc tham gia tố tụng.".into(),
            site: "stp.dongthap.gov.vn".into(),
            photo: None,
        }
    }

    fn decode(png: &[u8]) -> image::RgbaImage {
        image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .map(|i| i.to_rgba8())
            .unwrap_or_default()
    }

    /// Pixels in the box that are not plain white.
    fn ink(image: &image::RgbaImage, x: std::ops::Range<u32>, y: std::ops::Range<u32>) -> usize {
        y.flat_map(|y| x.clone().map(move |x| (x, y)))
            .filter(|(x, y)| image.get_pixel(*x, *y).0 != [255, 255, 255, 255])
            .count()
    }

    #[test]
    fn the_card_is_1200_by_630_with_its_text_drawn() {
        let png = render(&content()).unwrap_or_default();
        let image = decode(&png);
        assert_eq!(image.dimensions(), (1200, 630));
        // The name's line has ink; the column beside it, past any text, has none.
        assert!(
            ink(&image, 500..1100, 150..200) > 2_000,
            "the name is drawn"
        );
        assert_eq!(
            ink(&image, 1160..1200, 150..540),
            0,
            "nothing beyond the text column"
        );
        // The placeholder panel is coloured, and its initials are white.
        let panel = image.get_pixel(30, 30).0;
        assert!(panel[2] > panel[0], "the panel is blue: {panel:?}");
        let white = (150..290)
            .flat_map(|x| (240..340).map(move |y| (x, y)))
            .filter(|(x, y)| image.get_pixel(*x, *y).0 == [255, 255, 255, 255])
            .count();
        assert!(white > 1_000, "white initials on the panel: {white}");
    }

    #[test]
    fn the_photo_fills_the_panel() {
        let mut bytes = Vec::new();
        image::RgbImage::from_pixel(300, 200, image::Rgb([220, 20, 30]))
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap_or_default();
        let png = render(&CardContent {
            photo: Some(bytes),
            ..content()
        })
        .unwrap_or_default();
        let image = decode(&png);
        for (x, y) in [(5, 5), (220, 315), (430, 620)] {
            let [r, g, b, _] = image.get_pixel(x, y).0;
            assert!(r > 200 && g < 60 && b < 60, "({x}, {y}) is the photo's red");
        }
        // Not an image: the placeholder instead, no error.
        let fallback = render(&CardContent {
            photo: Some(b"%PDF-1.4".to_vec()),
            ..content()
        });
        assert_eq!(
            decode(&fallback.unwrap_or_default()).dimensions(),
            (1200, 630)
        );
    }

    #[test]
    fn long_text_never_leaves_its_box() {
        let long = CardContent {
            name: "Tổ hòa giải ấp Tân Phong xã Mỹ Hiệp huyện Cao Lãnh tỉnh Đồng Tháp cùng các hòa giải viên tiêu biểu nhiều năm liền".into(),
            unit: "Phòng Phổ biến, giáo dục pháp luật và theo dõi thi hành pháp luật, Sở Tư pháp tỉnh Đồng Tháp (sau sắp xếp)".into(),
            headline: "Hòa giải thành công nhiều vụ việc. ".repeat(40),
            department: "Sở Tư pháp tỉnh Đồng Tháp – Văn phòng Sở – Bộ phận thi đua khen thưởng và truyền thông".into(),
            ..content()
        };
        let image = decode(&render(&long).unwrap_or_default());
        assert_eq!(
            ink(&image, 1150..1200, 0..560),
            0,
            "nothing past the right margin"
        );
        // The footer band keeps its colour where the headline would have run on.
        let footer = image.get_pixel(1100, 570).0;
        assert_eq!(footer, [0x0B, 0x53, 0x94, 255]);
    }

    #[test]
    fn every_vietnamese_tone_mark_is_drawn() {
        assert!(
            fonts::Face::of(Weight::Regular)
                .missing(VIETNAMESE)
                .is_empty()
        );
        assert!(fonts::Face::of(Weight::Bold).missing(VIETNAMESE).is_empty());
        // A mark above and below the letter adds ink to the bare letter.
        let drawn = |text: &str| {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120"><rect width="200" height="120" fill="white"/><text x="20" y="80" font-size="60" font-family="Noto Sans">{text}</text></svg>"#
            );
            let pixmap = rasterize(&svg, 200, 120)
                .unwrap_or_else(|_| Pixmap::new(1, 1).unwrap_or_else(|| std::process::abort()));
            pixmap.pixels().iter().filter(|p| p.red() < 128).count()
        };
        for (bare, marked) in [
            ("o", "ỗ"),
            ("a", "ặ"),
            ("u", "ữ"),
            ("d", "đ"),
            ("e", "ể"),
            ("o", "ợ"),
        ] {
            assert!(drawn(marked) > drawn(bare) + 20, "{marked} draws its marks");
        }
        assert!(drawn("ỗ") != drawn("ộ"));
        // Decomposed input is composed before drawing: the same ink as the composed letter.
        assert_eq!(drawn(&layout::normalized("o\u{302}\u{303}")), drawn("ỗ"));
    }

    #[test]
    fn text_is_escaped_in_the_svg() {
        let hostile = CardContent {
            name: "<script>&\"'</script>".into(),
            ..content()
        };
        let svg = svg(&hostile, false);
        assert!(svg.contains("&lt;script&gt;&amp;&quot;&apos;&lt;/script&gt;"));
        assert!(!svg.contains("<script>"));
        assert_eq!(
            decode(&render(&hostile).unwrap_or_default()).dimensions(),
            (1200, 630)
        );
        assert_eq!(initials("Nguyễn Thị Hồng Nhung"), "NN");
        assert_eq!(initials("Tổ hòa giải ấp Tân Phong"), "TP");
        assert_eq!(initials("Đặng"), "Đ");
    }
}
