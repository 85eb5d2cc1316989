//! The commendation pipeline (biểu dương, khen thưởng): the award catalogue and its dated base
//! salary, the occasions, the proposals with their nominees and files, the workflow as a table,
//! the public notice and its comments, the council with its secret ballots, the number registers
//! and decisions, the eligibility rules and the facts they read, and the official documents.
//!
//! Models: `catalogue`, `salary`, `settings`, `occasions`, `proposals`, `files`, `timeline`,
//! `workflow` (the table), `steps` (its effects), `detail` (a proposal as served), `notice`,
//! `council`, `ballot`, `meeting_steps` (a meeting's ballots opened and closed), `registers`,
//! `eligibility`, `facts`, `documents`, `seed`. Publishing a decided commendation on the
//! public portal is in `publicity::publication::commendation`. HTTP handlers
//! are in the `*_api` files, one per area.

pub mod ballot;
pub mod catalogue;
pub mod council;
pub mod detail;
pub mod documents;
pub mod eligibility;
pub mod facts;
pub mod files;
pub mod notice;
pub mod occasions;
pub mod proposals;
pub mod registers;
pub mod salary;
pub mod seed;
pub mod settings;
pub mod steps;
pub mod timeline;
pub mod types;
pub mod workflow;

pub mod catalogue_api;
pub mod council_api;
pub mod eligibility_api;
pub mod facts_import;
pub mod meeting_steps;
pub mod meeting_view;
pub mod meeting_workflow;
pub mod notice_api;
pub mod proposals_api;
pub mod registers_api;
pub mod workflow_api;
