//! HTTP/1.1 on a TCP connection, one request per connection: the head parsed by httparse, a body of
//! at most the limit read by its `Content-Length`, and the reply written with `Connection: close`.
//!
//! Nothing a client sends sizes an allocation: the head is read up to `MAX_HEAD` bytes and a body
//! only once its length is known to be within the limit, so a huge `Content-Length` is a 413 before
//! a byte of it is read. Reads and writes time out, so a client that stalls frees its worker.

use crate::serve::reply::Reply;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

/// The longest request head (request line and headers) taken.
pub const MAX_HEAD: usize = 16 * 1024;
const MAX_HEADERS: usize = 64;
/// How long a read or a write may wait for the client.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A request's line and the headers that matter here, and the bytes of the body read with the head.
pub struct Head {
    pub method: String,
    pub path: String,
    content_length: Option<u64>,
    chunked: bool,
    expects_continue: bool,
    read_ahead: Vec<u8>,
}

/// Reads a request head; `Err(None)` when the client went away before sending one.
pub fn read_head(stream: &mut TcpStream) -> Result<Head, Option<Reply>> {
    let mut buffer = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut request = httparse::Request::new(&mut headers);
        match request.parse(&buffer) {
            Ok(httparse::Status::Complete(end)) => {
                return head(&request, buffer[end..].to_vec()).map_err(Some);
            }
            Ok(httparse::Status::Partial) if buffer.len() >= MAX_HEAD => {
                return Err(Some(Reply::error(
                    431,
                    format!("the request head is longer than {MAX_HEAD} bytes"),
                )));
            }
            Ok(httparse::Status::Partial) => {}
            Err(httparse::Error::TooManyHeaders) => {
                return Err(Some(Reply::error(
                    431,
                    format!("the request has more than {MAX_HEADERS} headers"),
                )));
            }
            Err(e) => {
                return Err(Some(Reply::error(
                    400,
                    format!("malformed HTTP request: {e}"),
                )));
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(None),
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(e) if timed_out(&e) => {
                return Err(Some(Reply::error(
                    408,
                    "the request head did not arrive in time",
                )));
            }
            Err(_) => return Err(None),
        }
    }
}

fn head(request: &httparse::Request, read_ahead: Vec<u8>) -> Result<Head, Reply> {
    let mut content_length = None;
    let (mut chunked, mut expects_continue) = (false, false);
    for header in request.headers.iter() {
        let value = String::from_utf8_lossy(header.value);
        let value = value.trim();
        if header.name.eq_ignore_ascii_case("content-length") {
            let length = parse_length(value)?;
            if content_length.is_some_and(|l| l != length) {
                return Err(Reply::error(400, "two different Content-Length headers"));
            }
            content_length = Some(length);
        } else if header.name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = true;
        } else if header.name.eq_ignore_ascii_case("expect") {
            expects_continue = value.eq_ignore_ascii_case("100-continue");
        }
    }
    Ok(Head {
        method: request.method.unwrap_or_default().to_string(),
        path: request.path.unwrap_or_default().to_string(),
        content_length,
        chunked,
        expects_continue,
        read_ahead,
    })
}

/// A `Content-Length`: digits only; one too large for 64 bits is as good as infinite.
fn parse_length(value: &str) -> Result<u64, Reply> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Reply::error(400, format!("bad Content-Length `{value}`")));
    }
    Ok(value.parse().unwrap_or(u64::MAX))
}

/// The body, at most `limit` bytes, as UTF-8 text.
pub fn read_body(stream: &mut TcpStream, head: Head, limit: usize) -> Result<String, Reply> {
    if head.chunked {
        return Err(Reply::error(
            411,
            "send the body with a Content-Length (chunked transfer encoding is not taken)",
        ));
    }
    let Some(length) = head.content_length else {
        return Err(Reply::error(
            411,
            "a body with a Content-Length is required",
        ));
    };
    if length > limit as u64 {
        return Err(Reply::error(
            413,
            format!("the request body is larger than the limit of {limit} bytes"),
        ));
    }
    let length = length as usize;
    if head.expects_continue && head.read_ahead.len() < length {
        stream
            .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
            .map_err(|e| Reply::error(400, format!("the connection failed: {e}")))?;
    }
    let mut body = head.read_ahead;
    body.truncate(length);
    let rest = length - body.len();
    let read = stream.take(rest as u64).read_to_end(&mut body);
    match read {
        Err(e) if timed_out(&e) => {
            return Err(Reply::error(408, "the request body did not arrive in time"));
        }
        Err(e) => {
            return Err(Reply::error(
                400,
                format!("the request body could not be read: {e}"),
            ));
        }
        Ok(n) if n < rest => {
            return Err(Reply::error(
                400,
                "the request body ended before its Content-Length",
            ));
        }
        Ok(_) => {}
    }
    String::from_utf8(body).map_err(|e| {
        Reply::error(
            400,
            format!(
                "the request body is not UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn timed_out(e: &std::io::Error) -> bool {
    matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)
}

/// Writes the reply (the head alone for `HEAD`), then closes the connection the way that lets the
/// client read it: the write side first, then what the client still sends (a body refused unread)
/// is read and dropped for a moment, so the close does not reset the connection under the reply.
pub fn write_reply(mut stream: TcpStream, reply: &Reply, head_only: bool) {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        reply.body.len()
    );
    for (name, value) in HEADERS {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(allow) = reply.allow {
        out.push_str(&format!("Allow: {allow}\r\n"));
    }
    if reply.any_origin {
        out.push_str("Access-Control-Allow-Origin: *\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(reply.body.as_bytes());
    }
    if stream
        .write_all(&bytes)
        .and_then(|_| stream.flush())
        .is_err()
    {
        return; // the client has gone
    }
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = std::io::copy(&mut (&stream).take(MAX_LINGER), &mut std::io::sink());
}

/// The most bytes read and dropped after a reply.
const MAX_LINGER: u64 = 8 << 20;

/// Sent with every reply.
const HEADERS: &[(&str, &str)] = &[
    ("X-Content-Type-Options", "nosniff"),
    // The page loads nothing from elsewhere: it works offline, and a pasted draft cannot make it
    // fetch anything.
    (
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    ("Cache-Control", "no-store"),
];

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        _ => "Internal Server Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_content_length_is_digits_and_a_huge_one_is_not_an_overflow() {
        assert_eq!(parse_length("42").unwrap(), 42);
        assert_eq!(parse_length("99999999999999999999999").unwrap(), u64::MAX);
        assert_eq!(parse_length("-1").unwrap_err().status, 400);
        assert_eq!(parse_length("").unwrap_err().status, 400);
    }
}
