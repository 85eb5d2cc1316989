//! Each document is rendered, unzipped and parsed back, and checked the way a reviewer holding
//! NĐ 30/2020 would check it: page, margins, fonts, header, texts, emphasis, tables.

mod checks;
mod docx_xml;
mod report;
