//! `newslint serve` as a client meets it: the binary started on a free port, spoken to over TCP. The
//! API answers through the same engine and reporters as the command line (compared on the seed
//! story set), and refuses bad requests with a 4xx and its reason, then goes on answering.

mod common;

use common::{fixtures, newslint, stdout};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

const SEEDS: &[&str] = &[
    "seeds/000_f1e3116a09d4a900.txt",
    "seeds/001_72941c000c7f4576.txt",
    "seeds/002_d24ae73ce5904a91.txt",
    "seeds/003_c4404504afc26fe5.txt",
    "seeds/004_ca69edcf84c3b985.txt",
];

/// The server, run from the fixtures folder like the CLI in these tests; stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start() -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newslint"));
        command.stderr(Stdio::inherit());
        Server::started(command, &fixtures())
    }

    /// The server run by `command` (newslint itself, or a launcher in front of it) in `dir`.
    fn started(mut command: Command, dir: &std::path::Path) -> Server {
        if command.get_program() != env!("CARGO_BIN_EXE_newslint") {
            command.arg(env!("CARGO_BIN_EXE_newslint"));
        }
        let mut child = command
            .args(["serve", "--port", "0"])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .spawn()
            .expect("newslint serve starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // newslint serve: http://127.0.0.1:PORT/ (Ctrl-C stops it)
        let port = first
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in `{first}`"));
        Server { child, port }
    }

    /// Sends raw bytes and returns the status and body of the reply.
    fn raw(&self, request: &[u8]) -> (u16, String) {
        let (head, body) = self.exchange(request);
        (head.split(' ').nth(1).unwrap().parse().unwrap(), body)
    }

    /// Sends raw bytes and returns the head and body of the reply.
    fn exchange(&self, request: &[u8]) -> (String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        // A request refused before its body is read may close the connection early.
        let _ = stream.write_all(request);
        let mut reply = Vec::new();
        // What arrived before the server closed a connection it had not read to the end is the reply.
        let _ = stream.read_to_end(&mut reply);
        let reply = String::from_utf8(reply).expect("replies are UTF-8");
        let (head, body) = reply.split_once("\r\n\r\n").expect("a head and a body");
        let length: usize = header(head, "content-length").parse().unwrap();
        assert_eq!(
            body.len(),
            length,
            "the body is as long as Content-Length says"
        );
        (head.to_string(), body.to_string())
    }

    fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        self.raw(
            format!(
                "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
    }

    fn post(&self, path: &str, body: &Value) -> Value {
        let (status, reply) = self.request("POST", path, &body.to_string());
        assert_eq!(status, 200, "{reply}");
        serde_json::from_str(&reply).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn header<'a>(head: &'a str, name: &str) -> &'a str {
    head.lines()
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then_some(value.trim())
        })
        .unwrap_or_else(|| panic!("no {name} in {head}"))
}

fn seed(path: &str) -> String {
    std::fs::read_to_string(fixtures().join(path)).unwrap()
}

fn cli_json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(&newslint(args))).unwrap()
}

#[test]
fn each_seed_draft_gets_what_the_command_line_reports() {
    let server = Server::start();
    for path in SEEDS {
        let draft = json!({"text": seed(path), "filename": path});
        let (status, body) = server.request("POST", "/api/check", &draft.to_string());
        assert_eq!(status, 200);
        let cli = newslint(&["check", "--format", "json", path]);
        assert_eq!(
            body,
            stdout(&cli),
            "/api/check and `check --format json` on {path}"
        );
        assert_eq!(
            server.post("/api/attributions", &draft),
            cli_json(&["attributions", "--format", "json", path]),
            "attributions of {path}"
        );
    }
}

#[test]
fn the_seed_story_gets_what_check_story_reports_with_its_discrepancies() {
    let server = Server::start();
    let drafts: Vec<Value> = SEEDS
        .iter()
        .map(|p| json!({"text": seed(p), "filename": p}))
        .collect();
    let story = server.post("/api/story", &json!({ "drafts": drafts }));
    let mut args = vec!["check", "--story", "--format", "json"];
    args.extend(SEEDS);
    assert_eq!(story["diagnostics"], cli_json(&args));
    let codes: Vec<&str> = story["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // Sergey / Sergei Lavrov; Lavrov Foreign Minister / Foreign Secretary.
    assert!(
        codes.contains(&"NL103") && codes.contains(&"NL104"),
        "{codes:?}"
    );
    let mut args = vec!["attributions", "--format", "json"];
    args.extend(SEEDS);
    assert_eq!(story["attributions"], cli_json(&args));
}

/// A form body, each value encoded as a browser encodes it.
fn form(fields: &[(&str, &str)]) -> String {
    let encode = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b' ' => "+".to_string(),
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    let pairs: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    pairs.join("&")
}

#[test]
fn a_languagetool_client_gets_the_findings_the_command_line_reports() {
    let server = Server::start();
    let (status, languages) = server.request("GET", "/v2/languages", "");
    assert_eq!(status, 200);
    assert!(languages.contains("\"longCode\":\"en-US\""), "{languages}");
    for path in SEEDS {
        let text = seed(path);
        let body = form(&[("text", &text), ("language", "en-US")]);
        let (head, reply) = server.exchange(
            format!(
                "POST /v2/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        );
        assert!(head.starts_with("HTTP/1.1 200 "), "{head}");
        // LanguageTool's browser add-on reads a local server's answers from its own origin.
        assert_eq!(header(&head, "access-control-allow-origin"), "*");
        let reply: Value = serde_json::from_str(&reply).unwrap();
        // Where the command line says each finding starts, counted in UTF-16 units as
        // LanguageTool's clients count.
        let cli: Vec<(Value, usize)> = cli_json(&["check", "--format", "json", path])
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let start = d["start"].as_u64().unwrap() as usize;
                (d["code"].clone(), text[..start].encode_utf16().count())
            })
            .collect();
        let matches: Vec<(Value, usize)> = reply["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["rule"]["id"].clone(),
                    m["offset"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        assert_eq!(
            matches, cli,
            "/v2/check and `check --format json` on {path}"
        );
    }
    // A refusal on LanguageTool's paths is readable too, so a browser client can show why.
    let (head, _) = server.exchange(
        b"POST /v2/check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999\r\n\r\n",
    );
    assert!(head.starts_with("HTTP/1.1 413 "), "{head}");
    assert_eq!(header(&head, "access-control-allow-origin"), "*");
    // newslint's own API, which may read a story set's drafts from disk, stays closed to other sites.
    let draft = json!({"text": seed(SEEDS[0])}).to_string();
    let (head, _) = server.exchange(
        format!(
            "POST /api/check HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\n\r\n{draft}",
            draft.len()
        )
        .as_bytes(),
    );
    assert!(
        !head.to_ascii_lowercase().contains("access-control"),
        "{head}"
    );
}

#[test]
fn the_page_and_the_rules_are_served() {
    let server = Server::start();
    let (status, page) = server.request("GET", "/", "");
    assert_eq!(status, 200);
    assert!(page.contains("<script src=\"/page.js\""));
    assert_eq!(server.request("GET", "/page.js", "").0, 200);
    let (status, rules) = server.request("GET", "/api/rules", "");
    assert_eq!(status, 200);
    let rules: Value = serde_json::from_str(&rules).unwrap();
    assert!(
        rules
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["code"] == "NL002"
                && r["name"] == "unbalanced-quote"
                && r["severity"] == "warning")
    );
}

#[test]
fn bad_requests_get_a_4xx_with_the_reason_and_the_server_goes_on() {
    let server = Server::start();
    let refused = |(status, body): (u16, String), expected: u16, says: &str| {
        assert_eq!(status, expected, "{body}");
        let error: Value = serde_json::from_str(&body).unwrap();
        let message = error["error"].as_str().unwrap();
        assert!(message.contains(says), "`{message}` does not say `{says}`");
    };
    refused(
        server.request("POST", "/api/check", "{\"text\": "),
        400,
        "EOF while parsing",
    );
    refused(
        server.request("POST", "/api/check", "{\"txt\": \"Hi.\"}"),
        400,
        "unknown field `txt`",
    );
    refused(
        server.request("POST", "/api/story", "{\"drafts\": {}}"),
        400,
        "invalid type",
    );
    refused(
        server.raw(b"POST /api/check HTTP/1.1\r\nContent-Length: 4\r\n\r\n\"\xff\xfe\""),
        400,
        "not UTF-8",
    );
    refused(
        server.raw(b"POST /api/check HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
        413,
        "larger than the limit",
    );
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(5 << 20));
    refused(
        server.request("POST", "/api/check", &big),
        413,
        "larger than the limit",
    );
    refused(server.request("GET", "/api/check", ""), 405, "POST only");
    refused(
        server.request("POST", "/api/nothing", "{}"),
        404,
        "no such path",
    );
    refused(server.raw(b"NOT HTTP\r\n\r\n"), 400, "malformed");
    let draft = json!({"text": seed(SEEDS[3])});
    let found = server.post("/api/check", &draft);
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "NL002")
    );
}

#[test]
fn out_of_file_descriptors_the_server_says_so_and_serves_once_one_closes() {
    // Five descriptors: the standard three, the listener and one connection. util-linux's prlimit
    // sets the limit for the server alone.
    let mut command = Command::new("prlimit");
    command.arg("--nofile=5:5").stderr(Stdio::piped());
    let mut server = Server::started(command, &fixtures());
    let mut stderr = BufReader::new(server.child.stderr.take().unwrap());
    let ask = b"GET /api/rules HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let mut first = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut second = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut said = String::new();
    stderr.read_line(&mut said).unwrap();
    assert!(
        said.contains("cannot accept a connection") && said.contains("Too many open files"),
        "{said}"
    );
    for stream in [&mut first, &mut second] {
        stream.write_all(ask).unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap();
        assert!(reply.starts_with("HTTP/1.1 200 OK"), "{reply}");
        stream.shutdown(std::net::Shutdown::Both).ok();
    }
}

#[test]
fn a_draft_of_a_configured_story_set_is_checked_with_the_set_on_disk() {
    // The newsroom's config makes g20/ a story set; seed 000 spells the Russian foreign minister
    // `Sergey Lavrov`, the draft posted (seed 003) `Sergei Lavrov`.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".newslint.yaml"),
        "stories: [{name: g20, paths: [\"g20/**\"]}]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("g20")).unwrap();
    for seed in ["000_f1e3116a09d4a900.txt", "003_c4404504afc26fe5.txt"] {
        std::fs::copy(
            fixtures().join("seeds").join(seed),
            dir.path().join("g20").join(seed),
        )
        .unwrap();
    }
    let mut command = Command::new(env!("CARGO_BIN_EXE_newslint"));
    command.stderr(Stdio::inherit());
    let server = Server::started(command, dir.path());
    let path = "g20/003_c4404504afc26fe5.txt";
    let draft = json!({"text": seed(&format!("seeds/{}", &path[4..])), "filename": path});
    let (status, body) = server.request("POST", "/api/check", &draft.to_string());
    assert_eq!(status, 200);
    assert!(body.contains("\"NL103\""), "{body}");
    let cli = common::newslint_in(dir.path(), &["check", "--format", "json", path], None);
    assert_eq!(body, stdout(&cli), "/api/check and `check --format json`");
}
