//! `file://` URIs, as editors name documents, to paths and back. Only `file` URIs name files:
//! others (`untitled:`) have no path, and so no place in a story set or under a config.

use lsp_types::Uri;
use std::path::{Path, PathBuf};

/// The path a `file://` URI names, percent-decoded; `None` for any other scheme or a path that is not
/// UTF-8 once decoded.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only the local host (empty or `localhost`) names a file here.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if &rest[..i] == "localhost" => &rest[i..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    decode(path).map(PathBuf::from)
}

/// The `file://` URI of an absolute path, with every byte outside the unreserved set and `/`
/// percent-encoded.
pub fn from_path(path: &Path) -> Uri {
    let mut out = String::from("file://");
    for &b in path.to_string_lossy().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse()
        .expect("a percent-encoded file path is a valid URI")
}

fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        s.parse().unwrap()
    }

    #[test]
    fn a_path_with_spaces_and_accents_goes_there_and_back() {
        let path = Path::new("/news/drafts/Überblick G20 #2.md");
        let encoded = from_path(path);
        assert_eq!(
            encoded.as_str(),
            "file:///news/drafts/%C3%9Cberblick%20G20%20%232.md"
        );
        assert_eq!(to_path(&encoded).as_deref(), Some(path));
    }

    #[test]
    fn only_local_file_uris_name_files() {
        assert_eq!(
            to_path(&uri("file://localhost/a/b.txt")).as_deref(),
            Some(Path::new("/a/b.txt"))
        );
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(to_path(&uri("file://server/share/a.txt")), None);
        assert_eq!(to_path(&uri("file:///a/%FF.txt")), None);
    }
}
