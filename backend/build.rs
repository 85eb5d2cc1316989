//! Rebuilds the crate when a migration is added or changed: `embed_migrations!` puts them in the
//! binary, and cargo does not watch those files by itself.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
