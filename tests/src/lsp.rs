//! A small LSP client for the end-to-end suites: starts `transcript-ls`,
//! frames JSON-RPC messages over its stdin and stdout as an editor does,
//! answers the server's own requests, and keeps its notifications.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any single answer may take before a test fails.
const TIMEOUT: Duration = Duration::from_secs(60);

pub struct LspClient {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received and not yet taken.
    pub notifications: VecDeque<Value>,
    /// Requests the server made (each answered with a null result).
    pub requests: Vec<Value>,
}

impl LspClient {
    /// Starts the server in `dir` with `args` (editors pass `--stdio`).
    pub fn start(dir: &Path, args: &[&str]) -> LspClient {
        LspClient::start_with_env(dir, args, &[])
    }

    /// Starts the server in `dir` with `args` and the environment
    /// variables `env` set.
    pub fn start_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> LspClient {
        LspClient::spawn(dir, args, env, Stdio::inherit())
    }

    /// Starts the server in `dir` with the environment variables `env`
    /// set, its log (standard error) written to the file `log`.
    pub fn start_logging_to(log: &Path, dir: &Path, env: &[(&str, &str)]) -> LspClient {
        let file = std::fs::File::create(log).expect("the log file can be written");
        LspClient::spawn(dir, &[], env, Stdio::from(file))
    }

    fn spawn(dir: &Path, args: &[&str], env: &[(&str, &str)], stderr: Stdio) -> LspClient {
        let mut child = Command::new(crate::transcript_ls())
            .args(args)
            .envs(env.iter().copied())
            .current_dir(dir)
            // Rule pages (codeDescription links) go here, not to the
            // user's cache.
            .env("XDG_CACHE_HOME", cache_folder())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("transcript-ls starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        length = v.trim().parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                // JSON that serde_json cannot read (a lone surrogate echoed
                // back in an id) is kept as text, for the test to look at.
                let message: Value = serde_json::from_slice(&body)
                    .unwrap_or_else(|_| json!({ "unreadable": String::from_utf8_lossy(&body) }));
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        LspClient {
            child,
            stdin,
            incoming,
            next_id: 1,
            notifications: VecDeque::new(),
            requests: Vec::new(),
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Writes raw bytes to the server, framing and all.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("the server reads");
        self.stdin.flush().unwrap();
    }

    /// Waits for the response to request `id`, result or error.
    pub fn outcome(&mut self, id: i64) -> Value {
        self.response_where(|m| m["id"] == json!(id))
    }

    /// Waits for a response with a null id (the answer to a message the
    /// server could not read).
    pub fn null_id_response(&mut self) -> Value {
        self.response_where(|m| m["id"].is_null())
    }

    /// Whether the server process has exited, waiting up to `limit`.
    pub fn exited_within(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .expect("the server reads");
        self.stdin.flush().unwrap();
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    /// Sends a request and waits for its result (panics on an error).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// Waits for the response to request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        let message = self.outcome(id);
        if let Some(e) = message.get("error") {
            panic!("request {id} failed: {e}");
        }
        message["result"].clone()
    }

    /// The next response (or unreadable message) that `accept`s, keeping
    /// the notifications that arrive meanwhile for [`LspClient::wait_for`].
    pub fn response_where(&mut self, accept: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.next_message(deadline);
            if message.get("method").is_some() {
                self.notifications.push_back(message);
            } else if accept(&message) {
                return message;
            }
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The first notification `method` for which `accept` holds, taken from
    /// those received so far or waited for; the others are kept.
    pub fn wait_for(&mut self, method: &str, accept: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        let matches = |n: &Value| n["method"] == method && accept(&n["params"]);
        if let Some(i) = self.notifications.iter().position(matches) {
            return self.notifications.remove(i).expect("found")["params"].take();
        }
        loop {
            let mut message = self.next_message(deadline);
            if message.get("id").is_some() {
                continue;
            }
            if matches(&message) {
                return message["params"].take();
            }
            self.notifications.push_back(message);
        }
    }

    /// Reads one message; answers a request from the server on the way.
    fn next_message(&mut self, deadline: Instant) -> Value {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no message from the server in {TIMEOUT:?}")
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            };
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                self.requests.push(message);
                continue;
            }
            return message;
        }
    }

    /// `initialize` with `capabilities` and the workspace folder `root`,
    /// then `initialized`; returns the server's capabilities.
    pub fn initialize(&mut self, root: &Path, capabilities: Value) -> Value {
        let uri = file_uri(root);
        let result = self.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri, "capabilities": capabilities,
                    "workspaceFolders": [ { "uri": uri, "name": "workspace" } ] }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// Opens a document.
    pub fn open(&mut self, path: &Path, text: &str) -> String {
        let uri = file_uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "transcript", "version": 1, "text": text } }),
        );
        uri
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let mut params = self.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == version
        });
        match params["diagnostics"].take() {
            Value::Array(diagnostics) => diagnostics,
            other => panic!("diagnostics are a list, not {other}"),
        }
    }

    /// `shutdown`, then `exit`; the exit status, which must come promptly.
    pub fn shutdown(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not exit within 10 s of `exit`"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Where servers started by the tests write their rule pages.
pub fn cache_folder() -> std::path::PathBuf {
    std::env::temp_dir().join("transcript-ls-tests-cache")
}

/// `file:///…` for a path (percent-encoding spaces and the like).
pub fn file_uri(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The line and UTF-16 column (both 0-based) of byte `at` of `text`.
pub fn utf16_position(text: &str, at: usize) -> (usize, usize) {
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    (line, text[line_start..at].encode_utf16().count())
}

/// Applies LSP text edits (UTF-16 or UTF-8 positions) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let col = pos["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let line_text = text[start..].split('\n').next().unwrap_or("");
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units >= col {
                return start + i;
            }
            units += if utf8 { c.len_utf8() } else { c.len_utf16() };
        }
        start + line_text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, new) in spans {
        out.replace_range(a..b, &new);
    }
    out
}
