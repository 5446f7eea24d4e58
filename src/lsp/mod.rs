//! `newslint lsp`: a language server over stdio, on `lsp-server` and `lsp-types` (the crates
//! rust-analyzer is built on). Diagnostics on open and, debounced, on change; hover with who said
//! what; code actions for safe fixes and suppressions; the workspace's `.newslint.yaml` reloaded
//! when it changes. Every check runs through the engine of `newslint check`.
//!
//! One thread handles messages in order. An edit only marks its draft (and the open drafts of its
//! story set) due after a quiet spell; the loop waits on the channel with a timeout until the
//! earliest is due, so a burst of keystrokes is checked once, at its last version, and only the
//! drafts touched are checked, never the whole workspace.

pub mod actions;
pub mod convert;
pub mod hover;
pub mod uri;
pub mod workspace;

use crate::engine::{Error, Options};
use convert::{Encoding, Lines};
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{self as lsp, notification as notify, request};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use workspace::Workspace;

/// How long the copy must rest after an edit before it is checked.
pub const QUIET: Duration = Duration::from_millis(150);

/// Serves one client over stdin and stdout until it says `exit` or closes the stream.
pub fn serve(options: Options) -> Result<(), Error> {
    let protocol = |e: lsp_server::ProtocolError| Error::Message(format!("language server: {e}"));
    let (connection, io) = Connection::stdio();
    let (id, params) = connection.initialize_start().map_err(protocol)?;
    let params: lsp::InitializeParams = serde_json::from_value(params)
        .map_err(|e| Error::Message(format!("language server: bad initialize request: {e}")))?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = lsp::InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(lsp::ServerInfo {
            name: "newslint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).expect("the initialize result serialises");
    connection.initialize_finish(id, result).map_err(protocol)?;
    let mut server = Server {
        workspace: Workspace::new(root(&params), options),
        connection,
        encoding,
        due: HashMap::new(),
        shown_error: None,
    };
    server.watch_setup(&params.capabilities);
    if let Some(e) = server.workspace.setup_error() {
        server.show_error(e.to_string());
    }
    server.run();
    drop(server);
    io.join()
        .map_err(|e| Error::Message(format!("language server: {e}")))
}

fn capabilities(encoding: Encoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..Default::default()
            },
        )),
        ..Default::default()
    }
}

/// The workspace folder, as `newslint check` would be run from it: the first folder the client
/// names, else its root, else the server's working directory.
fn root(params: &lsp::InitializeParams) -> PathBuf {
    #[allow(deprecated)] // `root_uri` is what older clients send
    let named = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref());
    named
        .and_then(uri::to_path)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

struct Server {
    connection: Connection,
    workspace: Workspace,
    encoding: Encoding,
    /// Drafts to check, each when its copy has rested.
    due: HashMap<PathBuf, Instant>,
    /// The last error shown, so a broken config is not shown again at every keystroke.
    shown_error: Option<String>,
}

impl Server {
    fn run(&mut self) {
        loop {
            let next = self.due.values().min().copied();
            let received = match next {
                None => self.connection.receiver.recv().map_err(|_| ()),
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(message) => Ok(message),
                        Err(RecvTimeoutError::Timeout) => {
                            self.check_due();
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => Err(()),
                    }
                }
            };
            let Ok(message) = received else {
                return;
            };
            let go_on = match message {
                Message::Request(request) => self.request(request),
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => true,
            };
            if !go_on {
                return;
            }
            self.check_due();
        }
    }

    /// Checks every draft whose copy has rested, and publishes what it found.
    fn check_due(&mut self) {
        let now = Instant::now();
        let ready: Vec<PathBuf> = self
            .due
            .iter()
            .filter(|&(_, &t)| t <= now)
            .map(|(p, _)| p.clone())
            .collect();
        for path in ready {
            self.due.remove(&path);
            self.check(&path);
        }
    }

    fn check(&mut self, path: &Path) {
        match self.workspace.check(path) {
            Ok(()) => self.publish(path),
            Err(e) => self.show_error(e),
        }
    }

    /// Checks a draft now if it is due, so a hover or an action reads the text the editor shows.
    fn fresh(&mut self, path: &Path) {
        if self.due.remove(path).is_some() || self.workspace.checked(path).is_none() {
            self.check(path);
        }
    }

    fn schedule(&mut self, path: &Path, at: Instant) {
        let when = self.due.entry(path.to_path_buf()).or_insert(at);
        *when = at.max(*when).min(at);
    }

    /// A draft changed: it, and the open drafts of its story set, are checked when it rests.
    fn changed(&mut self, path: &Path, after: Duration) {
        let at = Instant::now() + after;
        for other in self.workspace.same_story(path) {
            self.schedule(&other, at);
        }
        self.schedule(path, at);
    }

    fn publish(&self, path: &Path) {
        let Some(doc) = self.workspace.doc(path) else {
            return;
        };
        let (diagnostics, version) = self.workspace.diagnostics(path, self.encoding);
        self.notify::<notify::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics,
            version: Some(version),
        });
    }

    fn notify<N: notify::Notification>(&self, params: N::Params) {
        let n = Notification::new(N::METHOD.to_string(), params);
        // A closed channel means the client is gone; the loop ends on its next receive.
        let _ = self.connection.sender.send(n.into());
    }

    fn show_error(&mut self, message: String) {
        if self.shown_error.as_ref() == Some(&message) {
            return;
        }
        self.notify::<notify::ShowMessage>(lsp::ShowMessageParams {
            typ: lsp::MessageType::ERROR,
            message: format!("newslint: {message}"),
        });
        self.shown_error = Some(message);
    }

    /// Asks the client to tell of changes to YAML files (the config, rule and cue files) and to
    /// copy files on disk (drafts of a story set not open), when it can.
    fn watch_setup(&self, client: &lsp::ClientCapabilities) {
        let dynamic = client
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        let watch = |glob: &str| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(glob.into()),
            kind: None,
        };
        let options = lsp::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                watch("**/*.{yaml,yml}"),
                watch("**/*.{txt,text,md,markdown,html,htm,docx}"),
            ],
        };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "newslint-watch".into(),
                method: notify::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let request = Request::new(
            lsp_server::RequestId::from("newslint-watch".to_string()),
            request::RegisterCapability::METHOD.into(),
            params,
        );
        let _ = self.connection.sender.send(request.into());
    }

    /// The setup changed: load it again and check every open draft.
    fn setup_changed(&mut self) {
        match self.workspace.reload() {
            Ok(()) => self.shown_error = None,
            Err(e) => self.show_error(e),
        }
        for path in self.workspace.open_paths() {
            self.schedule(&path, Instant::now());
        }
    }

    /// Handles a notification; false when the client said `exit`.
    fn notification(&mut self, n: Notification) -> bool {
        match n.method.as_str() {
            notify::Exit::METHOD => return false,
            notify::DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidOpenTextDocumentParams>(n) {
                    let doc = p.text_document;
                    let Some(path) = draft_path(&doc.uri) else {
                        return true;
                    };
                    self.workspace
                        .open(path.clone(), doc.uri, doc.version, doc.text);
                    self.changed(&path, Duration::ZERO);
                }
            }
            notify::DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidChangeTextDocumentParams>(n) {
                    let Some(path) = draft_path(&p.text_document.uri) else {
                        return true;
                    };
                    let version = p.text_document.version;
                    self.workspace
                        .change(&path, version, p.content_changes, self.encoding);
                    self.changed(&path, QUIET);
                }
            }
            notify::DidSaveTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidSaveTextDocumentParams>(n) {
                    let path = uri::to_path(&p.text_document.uri);
                    if path.is_some_and(|p| self.workspace.is_setup(&p)) {
                        self.setup_changed();
                    }
                }
            }
            notify::DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidCloseTextDocumentParams>(n) {
                    let Some(path) = draft_path(&p.text_document.uri) else {
                        return true;
                    };
                    let others = self.workspace.same_story(&path);
                    self.due.remove(&path);
                    if let Some(doc) = self.workspace.close(&path) {
                        self.notify::<notify::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
                            uri: doc.uri,
                            diagnostics: Vec::new(),
                            version: None,
                        });
                    }
                    for other in others {
                        self.schedule(&other, Instant::now() + QUIET);
                    }
                }
            }
            notify::DidChangeWatchedFiles::METHOD => {
                if let Some(p) = params::<lsp::DidChangeWatchedFilesParams>(n) {
                    let setup = p
                        .changes
                        .iter()
                        .filter_map(|c| uri::to_path(&c.uri))
                        .any(|path| self.workspace.is_setup(&path));
                    if setup {
                        self.setup_changed();
                    } else {
                        for path in self.workspace.open_paths() {
                            self.schedule(&path, Instant::now() + QUIET);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }

    /// Answers a request; false once the client has asked to shut down and said `exit`.
    fn request(&mut self, request: Request) -> bool {
        match self.connection.handle_shutdown(&request) {
            Ok(true) | Err(_) => return false,
            Ok(false) => {}
        }
        let id = request.id.clone();
        let response = match request.method.as_str() {
            request::HoverRequest::METHOD => {
                match serde_json::from_value::<lsp::HoverParams>(request.params) {
                    Ok(p) => Response::new_ok(id, self.hover(p)),
                    Err(e) => invalid(id, e),
                }
            }
            request::CodeActionRequest::METHOD => {
                match serde_json::from_value::<lsp::CodeActionParams>(request.params) {
                    Ok(p) => Response::new_ok(id, self.code_actions(p)),
                    Err(e) => invalid(id, e),
                }
            }
            method => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("newslint does not answer `{method}`"),
            ),
        };
        let _ = self.connection.sender.send(response.into());
        true
    }

    fn hover(&mut self, p: lsp::HoverParams) -> Option<lsp::Hover> {
        let at = p.text_document_position_params;
        let path = draft_path(&at.text_document.uri)?;
        self.fresh(&path);
        let doc = self.workspace.doc(&path)?;
        let (analysis, found) = self.workspace.checked(&path)?;
        let lines = Lines::new(&doc.text, self.encoding);
        let offset = lines.offset(at.position);
        let explain = |code: &str| self.workspace.explain(code);
        let (span, markdown) = hover::hover(analysis, found, offset, &explain)?;
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(lines.range(span)),
        })
    }

    fn code_actions(&mut self, p: lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let Some(path) = draft_path(&p.text_document.uri) else {
            return Vec::new();
        };
        self.fresh(&path);
        let (Some(doc), Some((analysis, found))) =
            (self.workspace.doc(&path), self.workspace.checked(&path))
        else {
            return Vec::new();
        };
        let lines = Lines::new(&doc.text, self.encoding);
        let wanted = |kind: &lsp::CodeActionKind| {
            p.context
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
        };
        let (shown, _) = self.workspace.diagnostics(&path, self.encoding);
        actions::actions(analysis, found, lines.span(p.range))
            .into_iter()
            .map(|a| {
                let kind = match a.kind {
                    actions::Kind::QuickFix => lsp::CodeActionKind::QUICKFIX,
                    actions::Kind::FixAll => lsp::CodeActionKind::SOURCE_FIX_ALL,
                };
                let edits = a
                    .edits
                    .iter()
                    .map(|(span, text)| lsp::TextEdit::new(lines.range(*span), text.clone()))
                    .collect();
                let diagnostic = a
                    .finding
                    .and_then(|i| shown.iter().find(|d| same_finding(d, &found[i], &lines)));
                lsp::CodeAction {
                    title: a.title,
                    kind: Some(kind),
                    diagnostics: diagnostic.map(|d| vec![d.clone()]),
                    edit: Some(lsp::WorkspaceEdit::new(HashMap::from([(
                        doc.uri.clone(),
                        edits,
                    )]))),
                    ..Default::default()
                }
            })
            .filter(|a| a.kind.as_ref().is_some_and(wanted))
            .map(lsp::CodeActionOrCommand::CodeAction)
            .collect()
    }
}

/// Whether a client diagnostic is the one published for a finding.
fn same_finding(shown: &lsp::Diagnostic, d: &crate::diagnostic::Diagnostic, lines: &Lines) -> bool {
    shown.range == lines.range(d.primary.span)
        && shown.code == Some(lsp::NumberOrString::String(d.code.clone()))
}

/// The path of a document the server checks.
fn draft_path(uri: &lsp::Uri) -> Option<PathBuf> {
    uri::to_path(uri).filter(|p| workspace::is_draft(p))
}

fn params<P: serde::de::DeserializeOwned>(n: Notification) -> Option<P> {
    serde_json::from_value(n.params).ok()
}

fn invalid(id: lsp_server::RequestId, e: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}
