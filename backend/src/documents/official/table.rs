//! A [`DataTable`] as a Word table: thin black borders, fixed column widths shared out by
//! weight, a bold header row repeated on each page, rows that do not split across pages,
//! group rows across all columns and a bold totals row.

use docx_rs::{
    AlignmentType, Table, TableBorder, TableBorderPosition, TableCell, TableCellMargins,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::error::DocumentError;
use super::heading::twips;
use super::layout::{COLOR, text_width_twips};
use super::model::{Column, DataTable, Row};
use super::package::header_row;
use super::text::{Look, alignment, line, spacing};

/// Border width in eighths of a point: 4 = 0.5 pt.
const BORDER_SIZE: usize = 4;
/// Cell padding left and right: 1.5 mm.
const CELL_PADDING: usize = 85;

pub(crate) fn data_table(table: &DataTable) -> Result<Table, DocumentError> {
    let columns = &table.columns;
    if columns.is_empty() {
        return Err(DocumentError::TableWithoutColumns);
    }
    let widths = column_widths(columns, text_width_twips());
    let look = Look::pt(table.font_size_pt.max(1));

    let mut rows = Vec::with_capacity(table.rows.len() + 2);
    let header_cells = columns
        .iter()
        .zip(&widths)
        .map(|(column, &width)| cell(&column.title, look.bold(), AlignmentType::Center, width))
        .collect();
    rows.push(header_row(TableRow::new(header_cells)));

    let full_width: i32 = widths.iter().sum();
    for (index, row) in table.rows.iter().enumerate() {
        rows.push(match row {
            Row::Cells(texts) => {
                if texts.len() != columns.len() {
                    return Err(DocumentError::RowWidth {
                        row: index + 1,
                        expected: columns.len(),
                        found: texts.len(),
                    });
                }
                let cells = texts
                    .iter()
                    .zip(columns.iter().zip(&widths))
                    .map(|(text, (column, &width))| {
                        cell(text, look, alignment(column.align), width)
                    })
                    .collect();
                TableRow::new(cells).cant_split()
            }
            Row::Group(text) => TableRow::new(vec![
                cell(text, look.bold(), AlignmentType::Left, full_width).grid_span(columns.len()),
            ])
            .cant_split(),
        });
    }

    if let Some(totals) = &table.totals {
        let span = totals.label_span.max(1);
        if span + totals.cells.len() != columns.len() {
            return Err(DocumentError::TotalsWidth {
                expected: columns.len(),
                found: span + totals.cells.len(),
            });
        }
        let label_width = widths.iter().take(span).sum();
        let mut cells = vec![
            cell(
                &totals.label,
                look.bold(),
                AlignmentType::Center,
                label_width,
            )
            .grid_span(span),
        ];
        cells.extend(
            totals
                .cells
                .iter()
                .zip(columns.iter().zip(&widths).skip(span))
                .map(|(text, (column, &width))| {
                    cell(text, look.bold(), alignment(column.align), width)
                }),
        );
        rows.push(TableRow::new(cells).cant_split());
    }

    let mut out = Table::new(rows)
        .set_grid(widths.iter().map(|&w| twips(w)).collect())
        .width(twips(full_width), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(
            TableCellMargins::new()
                .margin_left(CELL_PADDING, WidthType::Dxa)
                .margin_right(CELL_PADDING, WidthType::Dxa),
        );
    for position in [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        out = out.set_border(TableBorder::new(position).size(BORDER_SIZE).color(COLOR));
    }
    Ok(out)
}

fn cell(text: &str, look: Look, align: AlignmentType, width: i32) -> TableCell {
    TableCell::new()
        .add_paragraph(line(text, look, align).line_spacing(spacing(2, 2, 240)))
        .width(twips(width), WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// `total` twips shared out by the columns' weights (0 counts as 1); the last column takes
/// what rounding leaves, so the widths add up to `total` exactly.
pub(crate) fn column_widths(columns: &[Column], total: i32) -> Vec<i32> {
    let weights: Vec<i64> = columns.iter().map(|c| i64::from(c.weight.max(1))).collect();
    let sum: i64 = weights.iter().sum::<i64>().max(1);
    let mut widths: Vec<i32> = weights
        .iter()
        .map(|w| i32::try_from(i64::from(total) * w / sum).unwrap_or(0))
        .collect();
    let used: i32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total - used;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_weights_and_fill_the_width() {
        let columns = [
            Column::centered("STT", 1),
            Column::text("Tên", 3),
            Column::text("x", 0),
        ];
        let widths = column_widths(&columns, 1000);
        assert_eq!(widths, vec![200, 600, 200]);
        let widths = column_widths(&vec![Column::text("a", 1); 3], 1000);
        assert_eq!(widths.iter().sum::<i32>(), 1000);
    }
}
