//! The end of a document: the signing block at the right and the nơi nhận at the left, side by
//! side in a borderless table whose row never splits across pages.

use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, SpecialIndentType};

use super::blocks::Element;
use super::heading::two_columns;
use super::layout::{
    RECIPIENTS_HEADING_PT, RECIPIENTS_PT, SIGNATURE_PT, SIGNATURE_SPACE_MM, mm_to_twips,
    text_width_twips,
};
use super::model::{OfficialDocument, Recipients, Signature};
use super::text::{Look, line, spacing};

/// The nơi nhận take 45 % of the width, the signature the rest.
fn column_widths() -> (i32, i32) {
    let total = text_width_twips();
    let left = total * 45 / 100;
    (left, total - left)
}

/// The closing elements of `doc`; nothing when it has no signature and no recipients.
pub(crate) fn closing(doc: &OfficialDocument) -> Vec<Element> {
    let right = doc
        .signature
        .as_ref()
        .map(signature_block)
        .unwrap_or_default();
    let (left, after) = match (&doc.co_signature, &doc.recipients) {
        (Some(co), recipients) => (signature_block(co), recipients.as_ref()),
        (None, Some(recipients)) => (recipients_block(recipients), None),
        (None, None) => (Vec::new(), None),
    };
    let mut out = Vec::new();
    if !left.is_empty() || !right.is_empty() {
        let (left_width, right_width) = column_widths();
        out.push(Element::table(two_columns(
            vec![(left, right)],
            left_width,
            right_width,
        )));
    }
    if let Some(recipients) = after {
        out.extend(
            recipients_block(recipients)
                .into_iter()
                .map(Element::paragraph),
        );
    }
    out
}

/// Authority prefix and title in bold capitals, the space for the signature and the seal (with
/// an optional note such as "(Đã ký)"), then the name in bold.
pub(crate) fn signature_block(signature: &Signature) -> Vec<docx_rs::Paragraph> {
    let look = Look::pt(SIGNATURE_PT).bold();
    let mut out = Vec::new();
    if let Some(authority) = signature
        .authority
        .as_deref()
        .filter(|a| !a.trim().is_empty())
    {
        out.push(line(
            &authority.trim().to_uppercase(),
            look,
            AlignmentType::Center,
        ));
    }
    out.push(line(
        &signature.title.trim().to_uppercase(),
        look,
        AlignmentType::Center,
    ));
    let space = u32::try_from(mm_to_twips(SIGNATURE_SPACE_MM)).unwrap_or(0);
    match signature.note.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(note) => {
            // The note sits in the middle of the space; a line at 14 pt is about 320 twips.
            let around = space.saturating_sub(320) / 2;
            out.push(
                line(
                    note.trim(),
                    Look::pt(SIGNATURE_PT).italic(),
                    AlignmentType::Center,
                )
                .line_spacing(LineSpacing::new().before(around).after(around).line(240)),
            );
        }
        None => out.push(
            line("", look, AlignmentType::Center).line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(0)
                    .line(i32::try_from(space).unwrap_or(0))
                    .line_rule(LineSpacingType::Exact),
            ),
        ),
    }
    out.push(line(signature.name.trim(), look, AlignmentType::Center));
    if let Some(first) = out.first_mut() {
        *first = first.clone().line_spacing(spacing(12, 0, 240));
    }
    out
}

/// "Nơi nhận:" in bold italics, one "- entry;" per recipient, then "- Lưu: VT, VP.".
pub(crate) fn recipients_block(recipients: &Recipients) -> Vec<docx_rs::Paragraph> {
    let entry_look = Look::pt(RECIPIENTS_PT);
    // Wrapped lines of an entry start under its text, not under the dash.
    let hang = mm_to_twips(2.5);
    let entry = |text: String| {
        line(&text, entry_look, AlignmentType::Left).indent(
            Some(hang),
            Some(SpecialIndentType::Hanging(hang)),
            None,
            None,
        )
    };
    let mut out = vec![
        line(
            "Nơi nhận:",
            Look::pt(RECIPIENTS_HEADING_PT).bold().italic(),
            AlignmentType::Left,
        )
        .line_spacing(spacing(12, 0, 240)),
    ];
    for text in recipients
        .entries
        .iter()
        .map(|e| bare(e))
        .filter(|e| !e.is_empty())
    {
        out.push(entry(format!("- {text};")));
    }
    let archive = bare(&recipients.archive);
    let archive = archive
        .strip_prefix("Lưu:")
        .map(str::trim)
        .unwrap_or(&archive);
    out.push(entry(format!("- Lưu: {archive}.")));
    out
}

/// An entry without the dash before it or the punctuation after it.
fn bare(entry: &str) -> String {
    entry
        .trim()
        .trim_start_matches(['-', '–', '+', '•'])
        .trim_end_matches([';', '.', ',', ' '])
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_lose_the_dashes_and_punctuation_they_came_with() {
        assert_eq!(bare("- Như Điều 3;"), "Như Điều 3");
        assert_eq!(bare("Ban Giám đốc Sở."), "Ban Giám đốc Sở");
        assert_eq!(bare("  "), "");
    }
}
