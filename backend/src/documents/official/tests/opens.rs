//! Each official document must open in LibreOffice (converted to PDF by `soffice --headless`).
//! `.ci/test.sh` installs LibreOffice Writer and sets `LANTOA_REQUIRE_LIBREOFFICE`, so there a
//! missing `soffice` fails the test; a developer's `cargo test` without it says so and goes on.

use std::process::Command;

use super::fixtures::{awardees, decision, minutes, proposal};
use crate::documents::official::{
    CertificateLayout, CertificateMode, bien_ban_hop_hoi_dong, giay_khen, quyet_dinh_khen_thuong,
    render, render_certificate, to_trinh,
};

#[test]
fn libreoffice_opens_every_document() {
    let installed = Command::new("sh")
        .args(["-c", "command -v soffice"])
        .output()
        .is_ok_and(|found| found.status.success());
    if !installed {
        assert!(
            std::env::var_os("LANTOA_REQUIRE_LIBREOFFICE").is_none(),
            "LibreOffice (soffice) is required: install libreoffice-writer-nogui"
        );
        eprintln!("soffice is not installed: the documents were not opened in LibreOffice");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let certificate = giay_khen(&decision(), &awardees()[0]);
    let files = [
        (
            "quyet-dinh.docx",
            render(&quyet_dinh_khen_thuong(&decision())).unwrap(),
        ),
        ("to-trinh.docx", render(&to_trinh(&proposal())).unwrap()),
        (
            "bien-ban.docx",
            render(&bien_ban_hop_hoi_dong(&minutes())).unwrap(),
        ),
        (
            "giay-khen.docx",
            render_certificate(&certificate, &CertificateMode::Full).unwrap(),
        ),
        (
            "giay-khen-phoi.docx",
            render_certificate(
                &certificate,
                &CertificateMode::Blank(CertificateLayout::default()),
            )
            .unwrap(),
        ),
    ];
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let status = Command::new("soffice")
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "{name}");
        assert!(
            dir.path().join(name.replace(".docx", ".pdf")).exists(),
            "{name}"
        );
    }
}
