//! `newslint serve`: a small local HTTP server with the JSON API (`api`), LanguageTool's API for the
//! tools that speak it (`languagetool`), and one web page (`page`) where an editor pastes a draft, or
//! several drafts of one story, and sees the findings in the copy.
//!
//! A few workers take connections in turn, one request each (`http`). A request never brings a
//! worker down: a body past the size limit is a 413 (by its `Content-Length`, before it is read), a
//! body that is not UTF-8 or JSON a 400, a stalled client a 408, and a panic in a handler a 500.

pub mod api;
pub mod http;
pub mod languagetool;
pub mod page;
pub mod reply;
pub mod routes;

use crate::engine::Engine;
use reply::Reply;
use routes::Route;
use std::net::{SocketAddr, TcpListener, TcpStream};

/// The largest request body taken, in bytes: a long feature is 50 KB, so this is room for a story
/// of many drafts while bounding what one request can make the server hold.
pub const MAX_BODY: usize = 4 << 20;

/// A bound server, not yet answering.
pub struct Server {
    listener: TcpListener,
}

impl Server {
    /// Listens on `address` (port 0: a free port).
    pub fn bind(address: SocketAddr) -> Result<Server, String> {
        TcpListener::bind(address)
            .map(|listener| Server { listener })
            .map_err(|e| format!("cannot listen on {address}: {e}"))
    }

    /// Where it listens (the port chosen, for port 0).
    pub fn address(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Answers requests with `workers` threads, each taking the next connection, until the process
    /// ends; a connection that cannot be accepted is handed to `refused` (to say on stderr).
    pub fn run(&self, engine: &Engine, workers: usize, refused: &(dyn Fn(std::io::Error) + Sync)) {
        std::thread::scope(|scope| {
            for _ in 0..workers.max(1) {
                scope.spawn(|| {
                    for stream in self.listener.incoming() {
                        match stream {
                            Ok(stream) => answer(engine, stream),
                            // Out of file descriptors, say: wait for connections to close rather
                            // than spin on a failing accept.
                            Err(e) => {
                                refused(e);
                                std::thread::sleep(ACCEPT_PAUSE);
                            }
                        }
                    }
                });
            }
        });
    }
}

/// How long a worker waits after a failed `accept` before it tries again.
const ACCEPT_PAUSE: std::time::Duration = std::time::Duration::from_millis(100);

/// Reads, routes and answers one request on its connection.
fn answer(engine: &Engine, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(http::TIMEOUT));
    let _ = stream.set_write_timeout(Some(http::TIMEOUT));
    let _ = stream.set_nodelay(true);
    let head = match http::read_head(&mut stream) {
        Ok(head) => head,
        Err(Some(reply)) => return http::write_reply(stream, &reply, false),
        Err(None) => return,
    };
    let head_only = head.method == "HEAD";
    // LanguageTool's API reads nothing but what is posted: any page may read its answers, refusals
    // included, so a browser client can show why.
    let any_origin = head.path.starts_with("/v2/");
    let reply = match routes::find(&head.method, &head.path) {
        Err(reply) => reply,
        Ok(route) if route.takes_body() => match http::read_body(&mut stream, head, MAX_BODY) {
            Ok(body) => handle(engine, route, &body),
            Err(reply) => reply,
        },
        Ok(route) => handle(engine, route, ""),
    };
    let reply = if any_origin {
        reply.for_any_origin()
    } else {
        reply
    };
    http::write_reply(stream, &reply, head_only);
}

/// The handler's reply; a panic in it (a bug: the engine is fuzzed not to) is a 500, and the worker
/// goes on.
fn handle(engine: &Engine, route: Route, body: &str) -> Reply {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match route {
        Route::Page => Reply::ok(page::HTML_TYPE, page::HTML),
        Route::Script => Reply::ok(page::SCRIPT_TYPE, page::SCRIPT),
        Route::Style => Reply::ok(page::STYLE_TYPE, page::STYLE),
        Route::Rules => api::rules(engine),
        Route::Check => api::check(engine, body),
        Route::Attributions => api::attributions(engine, body),
        Route::Story => api::story(engine, body),
        Route::LanguageToolCheck => languagetool::check(engine, body),
        Route::LanguageToolLanguages => languagetool::languages(),
    }))
    .unwrap_or_else(|_| Reply::error(500, "internal error: the request could not be answered"))
}
