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

    /// What to write before elements that are not none (a file's attributions, written as they are
    /// made).
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
    let mut text = serde_json::to_string_pretty(items).expect("reports serialise to JSON");
    // Trimmed in place: one file's report may be megabytes, not to be copied to drop four bytes.
    text.truncate(text.len() - "\n]".len());
    text.drain(.."[\n".len());
    text
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
