//! A PDF whose object stream inflates far past `Limits::max_decompressed` (a Deflate bomb)
//! is refused while lopdf loads it, before the stream is inflated. Its own test binary, so
//! the process's peak memory is this file's alone.
#![cfg(feature = "pdf")]

use std::io::Write;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use flate2::Compression;
use flate2::write::{DeflateEncoder, ZlibEncoder};
use skillscan::document::{Limits, ReadError, read_with};

const MIB: usize = 1 << 20;

/// A zlib stream of `prefix` then `mib` MiB of spaces, built in about `mib` KiB: one MiB of
/// spaces compressed once, with no back-reference before its start, ending on a byte
/// boundary (a sync flush), repeated, then an empty final block and the Adler-32.
fn space_bomb(prefix: &[u8], mib: usize) -> Vec<u8> {
    let mut head = DeflateEncoder::new(Vec::new(), Compression::best());
    head.write_all(prefix).unwrap();
    head.flush().unwrap();
    let head = head.get_ref().clone();
    let mut chunk = DeflateEncoder::new(Vec::new(), Compression::best());
    chunk.write_all(&vec![b' '; MIB]).unwrap();
    chunk.flush().unwrap();
    let chunk = chunk.get_ref().clone();
    let mut out = vec![0x78, 0xDA];
    out.extend_from_slice(&head);
    for _ in 0..mib {
        out.extend_from_slice(&chunk);
    }
    // BFINAL = 1, fixed Huffman codes, end of block at once.
    out.extend_from_slice(&[0x03, 0x00]);
    let (mut a, mut b) = (1u128, 0u128);
    for &byte in prefix {
        a = (a + u128::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    // n more bytes of 32: a grows by 32 each, b by every a on the way.
    let n = (mib * MIB) as u128;
    let (a, b) = (
        (a + 32 * n) % 65521,
        (b + n * a + 32 * n * (n + 1) / 2) % 65521,
    );
    out.extend_from_slice(&((b << 16 | a) as u32).to_be_bytes());
    out
}

/// A one-page PDF (classic xref table) whose font dictionary, object 5, sits in the object
/// stream 6, Flate-compressed and followed by `padding_mib` MiB of spaces.
fn pdf_with_object_stream(padding_mib: usize) -> Vec<u8> {
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    let mut objstm_data = b"5 0 ".to_vec();
    objstm_data.extend_from_slice(font);
    let packed = if padding_mib == 0 {
        let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
        z.write_all(&objstm_data).unwrap();
        z.finish().unwrap()
    } else {
        space_bomb(&objstm_data, padding_mib)
    };
    let content = b"BT /F1 12 Tf 72 720 Td (Python, Kubernetes and PostgreSQL on AWS) Tj ET";
    let mut pdf = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |pdf: &mut Vec<u8>, dict: &[u8], stream: Option<&[u8]>| {
        offsets.push(pdf.len());
        writeln!(
            pdf,
            "{} 0 obj",
            offsets.len() + usize::from(offsets.len() >= 5)
        )
        .unwrap();
        pdf.extend_from_slice(dict);
        if let Some(data) = stream {
            pdf.extend_from_slice(b"\nstream\n");
            pdf.extend_from_slice(data);
            pdf.extend_from_slice(b"\nendstream");
        }
        pdf.extend_from_slice(b"\nendobj\n");
    };
    object(&mut pdf, b"<< /Type /Catalog /Pages 2 0 R >>", None);
    object(&mut pdf, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None);
    object(
        &mut pdf,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
          /Resources << /Font << /F1 5 0 R >> >> >>",
        None,
    );
    object(
        &mut pdf,
        format!("<< /Length {} >>", content.len()).as_bytes(),
        Some(content),
    );
    let dict = format!(
        "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>",
        packed.len()
    );
    object(&mut pdf, dict.as_bytes(), Some(&packed));
    let xref = pdf.len();
    // Objects 1 to 4 and 6 are in the file; 5 is in the object stream.
    write!(pdf, "xref\n0 7\n0000000000 65535 f \n").unwrap();
    for (i, off) in offsets.iter().enumerate() {
        if i == 4 {
            writeln!(pdf, "0000000000 65535 f ").unwrap();
        }
        writeln!(pdf, "{off:010} 00000 n ").unwrap();
    }
    write!(
        pdf,
        "trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    )
    .unwrap();
    pdf
}

/// Peak resident memory of this process so far, in bytes (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[test]
fn object_stream_bomb_is_refused_before_it_is_inflated() {
    // The same file with a small object stream reads: the font comes out of it.
    let ok = read_with(&pdf_with_object_stream(0), "ok.pdf", &Limits::default()).unwrap();
    assert!(ok.text.contains("Kubernetes and PostgreSQL"), "{ok:?}");

    // 1 GiB of spaces in a file of about 1 MiB.
    let bomb = pdf_with_object_stream(1024);
    assert!(bomb.len() < 2 * MIB, "{}", bomb.len());
    let err = read_with(&bomb, "bomb.pdf", &Limits::default()).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "the object streams' decompressed size exceeds the limit of 67108864 bytes"
    );
    // Inflating it would have taken 1 GiB; refusing it takes at most the budget's worth of
    // counting through a small buffer.
    if let Some(peak) = peak_rss() {
        assert!(peak < 256 * MIB as u64, "peak RSS {peak} bytes");
    }

    // A smaller limit stops a smaller bomb too.
    let mut limits = Limits::default();
    limits.max_decompressed = MIB as u64;
    let err = read_with(&pdf_with_object_stream(2), "bomb.pdf", &limits).unwrap_err();
    assert!(matches!(err, ReadError::TooLarge { .. }), "{err}");
    assert!(read_with(&pdf_with_object_stream(0), "ok.pdf", &limits).is_ok());
}

#[test]
fn the_error_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bomb.pdf"), pdf_with_object_stream(128)).unwrap();
    let out = Command::cargo_bin("skillscan")
        .unwrap()
        .args(["scan", "bomb.pdf"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "skillscan: error: bomb.pdf: the object streams' decompressed size exceeds the limit \
         of 67108864 bytes\n"
    );
}
