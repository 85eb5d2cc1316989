//! Runs and paragraphs in the documents' typography: Times New Roman in every font slot, black,
//! a given size and emphasis, and text cleaned of what XML cannot carry.

use docx_rs::{AlignmentType, BreakType, LineSpacing, LineSpacingType, Run, RunFonts};

use super::layout::{COLOR, FONT, half_points};
use super::model::{Align, Span};

/// Size and emphasis of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Look {
    pub half_points: usize,
    pub bold: bool,
    pub italic: bool,
}

impl Look {
    pub(crate) fn pt(pt: u8) -> Self {
        Self {
            half_points: half_points(pt),
            bold: false,
            italic: false,
        }
    }

    pub(crate) fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    pub(crate) fn italic(self) -> Self {
        Self {
            italic: true,
            ..self
        }
    }

    /// This look, made bold or italic where the span asks for it.
    fn span(self, span: &Span) -> Self {
        Self {
            bold: self.bold || span.bold,
            italic: self.italic || span.italic,
            ..self
        }
    }
}

/// Times New Roman in the ASCII, high-ANSI, East Asian and complex-script slots: Word picks the
/// slot per character, and some Vietnamese letters with two diacritics would otherwise fall back
/// to another font.
pub(crate) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// One run of `text`; `\n` becomes a line break and `\t` a tab.
pub(crate) fn run(text: &str, look: Look) -> Run {
    let mut run = Run::new()
        .fonts(fonts())
        .size(look.half_points)
        .color(COLOR);
    if look.bold {
        run = run.bold();
    }
    if look.italic {
        run = run.italic();
    }
    for (i, line) in clean(text).split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// The runs of `spans`, each in `look` plus its own emphasis.
pub(crate) fn span_runs(spans: &[Span], look: Look) -> Vec<Run> {
    spans
        .iter()
        .map(|span| run(&span.text, look.span(span)))
        .collect()
}

/// An empty paragraph whose mark (and so its height when empty) has the document's font and
/// `look`, aligned, with no space around it and single line spacing.
pub(crate) fn paragraph(align: AlignmentType, look: Look) -> docx_rs::Paragraph {
    let mut p = docx_rs::Paragraph::new()
        .align(align)
        .fonts(fonts())
        .size(look.half_points)
        .color(COLOR)
        .line_spacing(spacing(0, 0, 240));
    if look.bold {
        p = p.bold();
    }
    if look.italic {
        p = p.italic();
    }
    p
}

/// A single-spaced paragraph holding one run of `text`.
pub(crate) fn line(text: &str, look: Look, align: AlignmentType) -> docx_rs::Paragraph {
    paragraph(align, look).add_run(run(text, look))
}

/// Space before and after (points) and line spacing in 240ths of a line.
pub(crate) fn spacing(before_pt: u32, after_pt: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .before(before_pt * 20)
        .after(after_pt * 20)
        .line(line)
        .line_rule(LineSpacingType::Auto)
}

pub(crate) fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Justify => AlignmentType::Both,
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

/// `text` without the characters XML 1.0 cannot carry (control characters other than tab and
/// line feed, U+FFFE, U+FFFF), with CR LF and lone CR turned into LF. Word refuses a document
/// with any of them, and they come from pasted text.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' | '\n' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() && u32::from(c) < 0x20 => {}
            // C1 controls and DEL are legal XML but invisible junk in a document.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The first letter in upper case ("đã có thành tích" → "Đã có thành tích").
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_control_characters_and_normalises_line_ends() {
        assert_eq!(clean("a\u{0}b\u{1b}c\u{7f}d\u{FFFF}"), "abcd");
        assert_eq!(
            clean("dòng 1\r\ndòng 2\rdòng 3\tcột"),
            "dòng 1\ndòng 2\ndòng 3\tcột"
        );
        assert_eq!(
            clean("Độc lập - Tự do - Hạnh phúc"),
            "Độc lập - Tự do - Hạnh phúc"
        );
    }

    #[test]
    fn capitalize_handles_vietnamese_letters() {
        assert_eq!(capitalize(" đã có thành tích"), "Đã có thành tích");
        assert_eq!(capitalize("ước"), "Ước");
        assert_eq!(capitalize(""), "");
    }
}
