//! Rules of the code base that a compiler does not check, checked on the sources themselves:
//! the time comes from the injected clock, versioned rows change only through the
//! compare-and-set helper, and resource modules do not import each other in a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Resource modules: each may use the foundation (db, http, auth, audit, …) and the resources
/// below it, never one that uses it back.
const RESOURCES: &[&str] = &[
    "attachments",
    "criteria",
    "documents",
    "dossiers",
    "evaluations",
    "exemplars",
    "introductions",
    "movements",
    "notifications",
    "profile",
    "service_accounts",
    "settings",
    "units",
    "users",
    "calendar",
    "difficulties",
    "mail",
    "obligations",
    "reminders",
    "report_submissions",
    "webhooks",
    "working_days",
];

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Each source file's code, relative to `src/`, without its tests and comments.
fn code() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read a source file");
            let text = text.split("#[cfg(test)]").next().unwrap_or("");
            let code: Vec<&str> = text
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect();
            let relative = path
                .strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            (relative, code.join("\n"))
        })
        .collect()
}

fn offenders(pattern: impl Fn(&str) -> bool, allowed: &[&str]) -> Vec<String> {
    code()
        .into_iter()
        .filter(|(file, _)| !allowed.contains(&file.as_str()))
        .flat_map(|(file, code)| {
            code.lines()
                .filter(|line| pattern(line))
                .map(|line| format!("{file}: {}", line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_time_comes_from_the_injected_clock() {
    let found = offenders(
        |line| {
            ["Utc::now(", "Local::now(", "SystemTime::now(", "chrono::offset::Utc::now"]
                .iter()
                .any(|p| line.contains(p))
        },
        &["clock.rs", "source_rules.rs"],
    );
    assert!(found.is_empty(), "read the time from `AppState.clock`: {found:#?}");
}

#[test]
fn versioned_rows_change_only_through_the_compare_and_set_helper() {
    let found = offenders(
        |line| {
            let compact: String = line.split_whitespace().collect();
            compact.contains("version+1")
                || compact
                    .match_indices("version.eq(")
                    .any(|(at, m)| !compact[at + m.len()..].starts_with("1)"))
        },
        &["db/versioned.rs", "source_rules.rs"],
    );
    assert!(
        found.is_empty(),
        "use `versioned_update!` / `versioned_delete!`: {found:#?}"
    );
}

#[test]
fn resource_modules_do_not_import_each_other_in_a_cycle() {
    let mut uses: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (file, code) in code() {
        let module = file.split(['/', '.']).next().unwrap_or("");
        let Some(module) = RESOURCES.iter().find(|r| **r == module) else {
            continue;
        };
        let entry = uses.entry(module).or_default();
        let grouped: Vec<&str> = code
            .match_indices("crate::{")
            .map(|(at, _)| {
                let rest = &code[at..];
                &rest[..rest.find("};").unwrap_or(rest.len())]
            })
            .collect();
        for other in RESOURCES.iter().filter(|r| *r != module) {
            let in_group = grouped.iter().any(|group| {
                group
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .any(|word| word == *other)
            });
            if in_group || code.contains(&format!("crate::{other}::")) {
                entry.insert(other);
            }
        }
    }
    // Depth-first search for a path back to where it started.
    fn path_back<'a>(
        uses: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        start: &'a str,
        at: &'a str,
        path: &mut Vec<&'a str>,
        seen: &mut BTreeSet<&'a str>,
    ) -> bool {
        for next in uses.get(at).into_iter().flatten() {
            if *next == start {
                path.push(next);
                return true;
            }
            if seen.insert(next) {
                path.push(next);
                if path_back(uses, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    for module in RESOURCES {
        let mut path = vec![*module];
        if path_back(&uses, module, module, &mut path, &mut BTreeSet::new()) {
            panic!("import cycle: {}", path.join(" → "));
        }
    }
}
