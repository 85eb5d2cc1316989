//! Files Lan Tỏa writes: Excel workbooks (and, in later issues, official documents).

pub mod exemplar_list;
pub mod official;
