//! Reporters: diagnostics and attributions turned into text. Only the CLI writes that text out.

pub mod attributions;
pub mod ci;
pub mod diagnostics;
pub mod rules;

/// A pretty-printed JSON array written a piece at a time, byte for byte as
/// `serde_json::to_string_pretty` writes the whole array (then a newline), so a report can be written
/// file by file.
#[derive(Default)]
pub struct JsonArray {
    started: bool,
}

impl JsonArray {
    /// What to write before `items` (elements as `json_items` writes them; none is nothing) to add
    /// them to the array. The items are written as they are: one file's report may be tens of
    /// megabytes, not to be copied to put two bytes before it.
    pub fn before(&mut self, items: &str) -> &'static str {
        if items.is_empty() {
            return "";
        }
        self.before_elements()
    }

    /// What to write before elements that are not none (`write_json_items`).
    pub fn before_elements(&mut self) -> &'static str {
        let before = if self.started { ",\n" } else { "[\n" };
        self.started = true;
        before
    }

    /// The text that ends the array.
    pub fn end(self) -> &'static str {
        if self.started { "\n]\n" } else { "[]\n" }
    }

    /// A whole array of these elements.
    pub fn whole(items: &str) -> String {
        let mut array = JsonArray::default();
        let before = array.before(items);
        format!("{before}{items}{}", array.end())
    }
}

/// The elements of a pretty-printed JSON array, as they stand between its brackets; empty if none.
pub fn json_items<T: serde::Serialize>(items: &[T]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut text = Vec::new();
    write_json_items(&mut text, items).expect("writing to memory");
    String::from_utf8(text).expect("serde_json writes UTF-8")
}

/// `json_items` of items that are not none, written to `out` as they are made: a long file's report
/// is not held whole.
pub fn write_json_items<T: serde::Serialize>(
    out: &mut (impl std::io::Write + ?Sized),
    items: &[T],
) -> std::io::Result<()> {
    let mut elements = Elements {
        out,
        skip: "[\n".len(),
        buffer: Vec::with_capacity(Elements::<Vec<u8>>::CHUNK + 64),
    };
    serde_json::to_writer_pretty(&mut elements, items)?;
    let rest = elements.buffer.strip_suffix(b"\n]");
    debug_assert!(rest.is_some(), "a pretty array ends with its close");
    elements.out.write_all(rest.unwrap_or_default())
}

/// A pretty-printed JSON array written through, less its brackets: the first `skip` bytes are
/// dropped, and the rest gathered in `buffer` and written a chunk at a time (the serialiser writes
/// a few bytes at once), all but the last two bytes, which may be the array's close.
struct Elements<'w, W: ?Sized> {
    out: &'w mut W,
    skip: usize,
    buffer: Vec<u8>,
}

impl<W: ?Sized> Elements<'_, W> {
    const CHUNK: usize = 64 * 1024;
    const HELD: usize = "\n]".len();
}

impl<W: std::io::Write + ?Sized> Elements<'_, W> {
    #[inline]
    fn gather(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let skipped = self.skip.min(buf.len());
        self.skip -= skipped;
        self.buffer.extend_from_slice(&buf[skipped..]);
        if self.buffer.len() > Self::CHUNK {
            let ready = self.buffer.len() - Self::HELD;
            self.out.write_all(&self.buffer[..ready])?;
            self.buffer.drain(..ready);
        }
        Ok(())
    }
}

impl<W: std::io::Write + ?Sized> std::io::Write for Elements<'_, W> {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.gather(buf)?;
        Ok(buf.len())
    }

    /// The serialiser writes a few bytes at a time: gathered at once, not through `write`'s loop.
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.gather(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_written_in_pieces_is_the_array_written_whole() {
        let pieces: [&[serde_json::Value]; 4] = [
            &[serde_json::json!({"a": [1, 2], "b": {"c": null}})],
            &[],
            &[serde_json::json!("x"), serde_json::json!([])],
            &[],
        ];
        let mut array = JsonArray::default();
        let mut written = String::new();
        for items in pieces.iter().map(|p| json_items(p)) {
            written.push_str(array.before(&items));
            written.push_str(&items);
        }
        written.push_str(array.end());
        let all: Vec<&serde_json::Value> = pieces.iter().flat_map(|p| p.iter()).collect();
        assert_eq!(written, serde_json::to_string_pretty(&all).unwrap() + "\n");
        assert_eq!(JsonArray::whole(""), "[]\n");
        assert_eq!(
            JsonArray::default().end(),
            serde_json::to_string_pretty(&all[..0]).unwrap() + "\n"
        );
    }
}
