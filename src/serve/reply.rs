//! What the server sends back: a status, a content type and a body. Errors are JSON objects with a
//! message (`{"error": "…"}`), so a plug-in can show the reason to the editor.

use std::borrow::Cow;

#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Cow<'static, str>,
    /// The methods a path takes, for a 405.
    pub allow: Option<&'static str>,
    /// Whether a page of any site may read it: only LanguageTool's API (`/v2/…`), which reads
    /// nothing but the text posted, as LanguageTool's browser add-on needs of a local server.
    pub any_origin: bool,
}

pub const JSON: &str = "application/json; charset=utf-8";

impl Reply {
    pub fn ok(content_type: &'static str, body: impl Into<Cow<'static, str>>) -> Reply {
        Reply {
            status: 200,
            content_type,
            body: body.into(),
            allow: None,
            any_origin: false,
        }
    }

    pub fn json(body: String) -> Reply {
        Reply::ok(JSON, body)
    }

    /// A 4xx or 5xx with its reason: `{"error": "…"}`.
    pub fn error(status: u16, message: impl Into<String>) -> Reply {
        let body = serde_json::json!({ "error": message.into() }).to_string() + "\n";
        Reply {
            status,
            content_type: JSON,
            body: body.into(),
            allow: None,
            any_origin: false,
        }
    }

    /// The reply, readable by a page of any site.
    pub fn for_any_origin(self) -> Reply {
        Reply {
            any_origin: true,
            ..self
        }
    }

    pub fn method_not_allowed(allow: &'static str) -> Reply {
        Reply {
            allow: Some(allow),
            ..Reply::error(405, format!("this path takes {allow} only"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_a_json_object_with_the_message() {
        let reply = Reply::error(400, "bad `text`: \"quoted\"");
        assert_eq!(reply.status, 400);
        let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(body["error"], "bad `text`: \"quoted\"");
    }
}
