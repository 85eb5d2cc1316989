//! Each document is rendered, unzipped and parsed back, and checked the way a reviewer holding
//! NĐ 30/2020 would check it: page, margins, fonts, header, texts, emphasis, tables.

mod bien_ban;
mod certificate;
mod checks;
mod docx_xml;
mod fixtures;
mod opens;
mod quyet_dinh;
mod report;
mod robustness;
mod to_trinh;
