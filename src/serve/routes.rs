//! Which handler a request's method and path go to: the page and its assets, and the JSON API. A
//! path that is not served is a 404, a served path asked with the wrong method a 405.

use crate::serve::reply::Reply;

/// What a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Page,
    Script,
    Style,
    Check,
    Attributions,
    Story,
    Rules,
    /// LanguageTool's API (`languagetool`).
    LanguageToolCheck,
    LanguageToolLanguages,
}

impl Route {
    /// Whether the route reads a JSON body.
    pub fn takes_body(self) -> bool {
        matches!(
            self,
            Route::Check | Route::Attributions | Route::Story | Route::LanguageToolCheck
        )
    }
}

/// The route of `method` on `url` (a query string is ignored), or the 404 or 405 to send.
pub fn find(method: &str, url: &str) -> Result<Route, Reply> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let (route, allow) = match path {
        "/" | "/index.html" => (Route::Page, "GET"),
        "/page.js" => (Route::Script, "GET"),
        "/page.css" => (Route::Style, "GET"),
        "/api/rules" => (Route::Rules, "GET"),
        "/api/check" => (Route::Check, "POST"),
        "/api/attributions" => (Route::Attributions, "POST"),
        "/api/story" => (Route::Story, "POST"),
        "/v2/check" => (Route::LanguageToolCheck, "POST"),
        "/v2/languages" => (Route::LanguageToolLanguages, "GET"),
        _ => {
            return Err(Reply::error(
                404,
                format!(
                    "no such path: `{path}`; the API is POST /api/check, /api/attributions, /api/story and GET /api/rules, and LanguageTool's POST /v2/check and GET /v2/languages"
                ),
            ));
        }
    };
    // HEAD is GET without the body.
    let allowed = method == allow || (allow == "GET" && method == "HEAD");
    if allowed {
        Ok(route)
    } else {
        Err(Reply::method_not_allowed(allow))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_paths_take_their_method_and_others_are_not_found() {
        assert_eq!(find("POST", "/api/check"), Ok(Route::Check));
        assert_eq!(find("POST", "/v2/check"), Ok(Route::LanguageToolCheck));
        assert_eq!(
            find("GET", "/v2/languages"),
            Ok(Route::LanguageToolLanguages)
        );
        assert_eq!(find("GET", "/?draft=1"), Ok(Route::Page));
        assert_eq!(find("HEAD", "/api/rules"), Ok(Route::Rules));
        let wrong = find("GET", "/api/check").unwrap_err();
        assert_eq!((wrong.status, wrong.allow), (405, Some("POST")));
        assert_eq!(find("POST", "/api/rules").unwrap_err().status, 405);
        assert_eq!(find("GET", "/api/checks").unwrap_err().status, 404);
        assert_eq!(find("GET", "/../etc/passwd").unwrap_err().status, 404);
    }
}
