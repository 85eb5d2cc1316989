//! Bounds for ZIP containers (XLSX, DOCX): the number of entries and the uncompressed size of
//! each entry and of all of them. The declared sizes are checked first; then every entry is
//! inflated into a counter, so that a header that lies about its size cannot get past either.

use std::io::{Cursor, Read, Write};

#[derive(Debug, Clone, Copy)]
pub struct ZipLimits {
    pub max_entries: usize,
    pub max_entry_bytes: u64,
    pub max_total_bytes: u64,
}

/// What an office document may hold: far above any real spreadsheet of 5,000 rows.
pub const OFFICE_DOCUMENT: ZipLimits = ZipLimits {
    max_entries: 2_000,
    max_entry_bytes: 64 * 1024 * 1024,
    max_total_bytes: 128 * 1024 * 1024,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipProblem {
    /// Not a ZIP archive, or one that cannot be read (encrypted, corrupt).
    Unreadable,
    TooManyEntries,
    /// Unpacks to more than the limits allow.
    TooLarge,
}

/// Counts bytes written to it and refuses to go past `limit`.
struct Counter {
    written: u64,
    limit: u64,
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written += buf.len() as u64;
        if self.written > self.limit {
            return Err(std::io::Error::other("over the limit"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn check(bytes: &[u8], limits: &ZipLimits) -> Result<(), ZipProblem> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ZipProblem::Unreadable)?;
    if archive.len() > limits.max_entries {
        return Err(ZipProblem::TooManyEntries);
    }
    let mut declared: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|_| ZipProblem::Unreadable)?;
        if entry.size() > limits.max_entry_bytes {
            return Err(ZipProblem::TooLarge);
        }
        declared = declared.saturating_add(entry.size());
    }
    if declared > limits.max_total_bytes {
        return Err(ZipProblem::TooLarge);
    }
    let mut total = Counter {
        written: 0,
        limit: limits.max_total_bytes,
    };
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .map_err(|_| ZipProblem::Unreadable)?;
        let mut entry = entry.take(limits.max_entry_bytes + 1);
        let mut this = Counter {
            written: 0,
            limit: limits.max_entry_bytes,
        };
        let mut buffer = [0u8; 16 * 1024];
        loop {
            let read = entry
                .read(&mut buffer)
                .map_err(|_| ZipProblem::Unreadable)?;
            if read == 0 {
                break;
            }
            this.write_all(&buffer[..read])
                .and_then(|_| total.write_all(&buffer[..read]))
                .map_err(|_| ZipProblem::TooLarge)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zip::write::SimpleFileOptions;

    fn archive(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        for (name, content) in entries {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .expect("start entry");
            writer.write_all(content).expect("write entry");
        }
        writer.finish().expect("finish archive");
        out.into_inner()
    }

    const SMALL: ZipLimits = ZipLimits {
        max_entries: 3,
        max_entry_bytes: 1000,
        max_total_bytes: 1500,
    };

    #[test]
    fn small_archives_pass() {
        let bytes = archive(&[("a.xml", vec![b'a'; 900]), ("b.xml", vec![b'b'; 500])]);
        assert_eq!(check(&bytes, &SMALL), Ok(()));
    }

    #[test]
    fn an_entry_or_the_whole_over_the_limit_is_refused() {
        let one_big = archive(&[("a.xml", vec![b'a'; 1001])]);
        assert_eq!(check(&one_big, &SMALL), Err(ZipProblem::TooLarge));
        let together_big = archive(&[("a.xml", vec![b'a'; 900]), ("b.xml", vec![b'b'; 900])]);
        assert_eq!(check(&together_big, &SMALL), Err(ZipProblem::TooLarge));
    }

    #[test]
    fn too_many_entries_and_garbage_are_refused() {
        let names = ["a", "b", "c", "d"].map(|n| (n, vec![b'x']));
        assert_eq!(
            check(&archive(&names), &SMALL),
            Err(ZipProblem::TooManyEntries)
        );
        assert_eq!(
            check(b"PK\x03\x04 not really", &SMALL),
            Err(ZipProblem::Unreadable)
        );
    }
}
