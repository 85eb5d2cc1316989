//! Reports written in Lan Tỏa (Kế hoạch, mục V): a unit's annual report, mid-term and final
//! reviews, the Office's consolidated reports and on-demand reports for any period. Each is
//! pre-filled with figures computed from the data ([`figures`], a fixed number of grouped
//! queries), carries narrative sections, follows the report-submission workflow (figures frozen
//! at submission) and is exported as an official DOCX with an XLSX annex. The compendium of
//! exemplars ([`compendium`]) and the figures for provincial systems live here too.

pub mod api;
pub mod compendium;
pub mod consolidation;
pub mod docx;
pub mod figures;
pub mod model;
pub mod workflow;
pub mod xlsx;
