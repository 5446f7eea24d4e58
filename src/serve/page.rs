//! The web page, embedded in the binary: plain HTML, CSS and JavaScript with no build step and
//! nothing loaded from elsewhere, so it works offline.

pub const HTML: &str = include_str!("page.html");
pub const SCRIPT: &str = include_str!("page.js");
pub const STYLE: &str = include_str!("page.css");

pub const HTML_TYPE: &str = "text/html; charset=utf-8";
pub const SCRIPT_TYPE: &str = "text/javascript; charset=utf-8";
pub const STYLE_TYPE: &str = "text/css; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_loads_its_own_assets_and_nothing_from_elsewhere() {
        assert!(HTML.contains("src=\"/page.js\"") && HTML.contains("href=\"/page.css\""));
        for asset in [HTML, SCRIPT, STYLE] {
            assert!(!asset.contains("http://") && !asset.contains("https://"));
        }
    }
}
