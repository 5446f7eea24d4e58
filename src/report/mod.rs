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
    /// The text that adds `items` (elements as `json_items` writes them; none is nothing) to the array.
    pub fn add(&mut self, items: &str) -> String {
        if items.is_empty() {
            return String::new();
        }
        let before = if self.started { ",\n" } else { "[\n" };
        self.started = true;
        format!("{before}{items}")
    }

    /// The text that ends the array.
    pub fn end(self) -> &'static str {
        if self.started { "\n]\n" } else { "[]\n" }
    }

    /// A whole array of these elements.
    pub fn whole(items: &str) -> String {
        let mut array = JsonArray::default();
        let mut text = array.add(items);
        text.push_str(array.end());
        text
    }
}

/// The elements of a pretty-printed JSON array, as they stand between its brackets; empty if none.
pub fn json_items<T: serde::Serialize>(items: &[T]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let whole = serde_json::to_string_pretty(items).expect("report JSON serialises");
    whole["[\n".len()..whole.len() - "\n]".len()].to_string()
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
        let mut written: String = pieces.iter().map(|p| array.add(&json_items(p))).collect();
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
