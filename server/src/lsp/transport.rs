//! A guard between stdio and the protocol framework. The framework stops
//! reading for good at the first message it cannot decode (its framed
//! reader ends on an error), so one malformed message would end the
//! session. The guard reads frames itself, resynchronises after bad
//! headers, passes on only well-formed JSON-RPC messages, and answers the
//! rest with a `Parse error` (-32700) or `Invalid Request` (-32600), written
//! between the framework's own responses so frames never interleave.
//!
//! The server writes its own notifications through the same gap (an
//! [`Outbox`]): diagnostics are serialised straight from their structs,
//! where the framework would build a JSON tree of every message first.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::{Value, json};
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::mpsc;

/// Standard output written from a thread of its own: one `write` per
/// message, where tokio's stdout would hand each message to its blocking
/// pool in pieces.
pub struct StdoutThread {
    messages: std::sync::mpsc::Sender<Vec<u8>>,
}

impl StdoutThread {
    pub fn start() -> StdoutThread {
        let (messages, rx) = std::sync::mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || {
            use std::io::Write;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for message in rx {
                if out.write_all(&message).and_then(|()| out.flush()).is_err() {
                    return;
                }
            }
        });
        StdoutThread { messages }
    }
}

impl AsyncWrite for StdoutThread {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::task::Poll::Ready(
            self.messages
                .send(buf.to_vec())
                .map(|()| buf.len())
                .map_err(|_| std::io::ErrorKind::BrokenPipe.into()),
        )
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

/// A message for the wire: its header, then its body, written one after
/// the other (a 10 MB body is not copied behind its header).
pub struct Frame {
    header: String,
    body: Vec<u8>,
}

impl Frame {
    fn new(body: Vec<u8>) -> Frame {
        Frame {
            header: format!("Content-Length: {}\r\n\r\n", body.len()),
            body,
        }
    }

    async fn write_to<W: AsyncWrite + Unpin>(&self, out: &mut W) -> std::io::Result<()> {
        out.write_all(self.header.as_bytes()).await?;
        out.write_all(&self.body).await
    }
}

/// The body of the notification `method`, its parameters written by
/// `params` (straight into the body: no intermediate JSON tree).
pub fn notification(method: &str, params: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut body = br#"{"jsonrpc":"2.0","method":"#.to_vec();
    serde_json::to_writer(&mut body, method).expect("a string serialises");
    body.extend_from_slice(br#","params":"#);
    params(&mut body);
    body.push(b'}');
    body
}

/// Messages the server writes itself, each whole, between the
/// framework's.
#[derive(Clone)]
pub struct Outbox(mpsc::UnboundedSender<Frame>);

impl Outbox {
    /// Sends the notification `method` with `params`.
    pub fn notify<P: serde::Serialize>(&self, method: &str, params: &P) {
        self.send(notification(method, |body| {
            serde_json::to_writer(body, params).expect("protocol types serialise")
        }));
    }

    /// Sends a message, given as its body (JSON).
    pub fn send(&self, body: Vec<u8>) {
        let _ = self.0.send(Frame::new(body));
    }
}

/// What the client offers that the typed `initialize` parameters lose:
/// lsp-types 0.97 reads the workspace's diagnostics capabilities under
/// `workspace.diagnostic`, where the protocol (and VS Code, and Neovim)
/// say `workspace.diagnostics`. The guard reads the `initialize` request
/// as written and keeps the answer here before passing it on.
#[derive(Clone, Default)]
pub struct Offered {
    refresh: Arc<AtomicBool>,
}

impl Offered {
    /// The client takes `workspace/diagnostic/refresh` requests.
    pub fn diagnostic_refresh(&self) -> bool {
        self.refresh.load(Ordering::SeqCst)
    }

    fn read(&self, body: &[u8]) {
        // Only the small request that names the method is read in full.
        if body.len() > 1 << 20 || !body.windows(12).any(|w| w == b"\"initialize\"") {
            return;
        }
        let Ok(message) = serde_json::from_slice::<Value>(body) else {
            return;
        };
        if message["method"] == "initialize" {
            let refresh = message
                .pointer("/params/capabilities/workspace/diagnostics/refreshSupport")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            self.refresh.store(refresh, Ordering::SeqCst);
        }
    }
}

/// Larger bodies are refused (and skipped) rather than buffered.
const MAX_BODY: usize = 512 * 1024 * 1024;

/// The guard's ends: what the framework reads from and writes to, the
/// server's own outbox, and what the client offered as written.
pub struct Guarded {
    pub input: DuplexStream,
    pub output: DuplexStream,
    pub outbox: Outbox,
    pub offered: Offered,
}

/// Starts the guard over `input` and `output`.
pub fn guard<R, W>(input: R, output: W) -> Guarded
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (to_server, server_in) = tokio::io::duplex(1 << 20);
    let (server_out, from_server) = tokio::io::duplex(1 << 20);
    let (outbox, queued) = mpsc::unbounded_channel();
    let offered = Offered::default();
    tokio::spawn(read_input(
        BufReader::new(input),
        to_server,
        outbox.clone(),
        offered.clone(),
    ));
    tokio::spawn(write_output(BufReader::new(from_server), output, queued));
    Guarded {
        input: server_in,
        output: server_out,
        outbox: Outbox(outbox),
        offered,
    }
}

fn error_response(id: Value, code: i64, message: &str) -> Frame {
    let body = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    Frame::new(body.to_string().into_bytes())
}

/// Why a body is not passed on: `(id, code, message)` of the error reply.
/// The members are looked at as written, so a 10 MB `didOpen` is scanned
/// once and not copied.
fn check(body: &[u8]) -> Result<(), (Value, i64, &'static str)> {
    let members: BTreeMap<Cow<str>, &RawValue> = serde_json::from_slice(body).map_err(|e| {
        let code = match e.classify() {
            Category::Data => -32600,
            _ => -32700,
        };
        let message = if code == -32600 {
            "Invalid request"
        } else {
            "Parse error"
        };
        (Value::Null, code, message)
    })?;
    let raw = |key: &str| members.get(key).map(|v| v.get());
    let starts = |key: &str, first: &[u8]| {
        raw(key).is_some_and(|v| v.bytes().next().is_some_and(|b| first.contains(&b)))
    };
    let valid_id = match raw("id") {
        None | Some("null") => true,
        Some(_) => starts("id", b"-0123456789\""),
    };
    let id = match raw("id") {
        Some(v) if valid_id => serde_json::from_str(v).unwrap_or(Value::Null),
        _ => Value::Null,
    };
    let is_request = starts("method", b"\"");
    let is_response = members.contains_key("id")
        && (members.contains_key("result") || members.contains_key("error"));
    let params_ok = raw("params").is_none_or(|p| p == "null" || starts("params", b"{["));
    let version_ok = raw("jsonrpc")
        .and_then(|v| serde_json::from_str::<Cow<str>>(v).ok())
        .is_some_and(|v| v == "2.0");
    if !version_ok || !valid_id || !(is_request || is_response) || !params_ok {
        return Err((id, -32600, "Invalid request"));
    }
    Ok(())
}

async fn read_input<R: AsyncRead + Unpin>(
    mut input: BufReader<R>,
    mut to_server: DuplexStream,
    errors: mpsc::UnboundedSender<Frame>,
    offered: Offered,
) {
    let mut line = Vec::new();
    loop {
        // Headers, up to the empty line.
        let mut length: Option<usize> = None;
        let mut garbage = false;
        loop {
            line.clear();
            match input.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return, // end of input: the framework sees EOF
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let mut text = text.trim_end_matches(['\r', '\n']);
            // The rest of a message whose Content-Length was too short runs
            // straight into the next header: start reading at the header.
            if let Some(at) = text
                .to_ascii_lowercase()
                .find("content-length:")
                .filter(|&at| at > 0)
            {
                garbage = true;
                text = &text[at..];
            }
            if text.is_empty() {
                if length.is_some() || garbage {
                    break;
                }
                continue; // blank lines between messages
            }
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    length = value.trim().parse().ok();
                    garbage |= length.is_none();
                }
                Some((name, _)) if name.trim().eq_ignore_ascii_case("content-type") => {}
                _ => {
                    // Not a header: leftovers of a bad message. Skip to the
                    // next line that starts a header.
                    garbage = true;
                    if length.is_none() {
                        continue;
                    }
                }
            }
        }
        let Some(length) = length.filter(|n| *n <= MAX_BODY) else {
            let _ = errors.send(error_response(
                Value::Null,
                -32700,
                "Parse error: bad or missing Content-Length",
            ));
            continue;
        };
        let mut body = vec![0; length];
        if input.read_exact(&mut body).await.is_err() {
            return;
        }
        match check(&body) {
            Ok(()) => {
                offered.read(&body);
                if Frame::new(body).write_to(&mut to_server).await.is_err() {
                    return;
                }
            }
            Err((id, code, message)) => {
                let _ = errors.send(error_response(id, code, message));
            }
        }
    }
}

async fn write_output<W: AsyncWrite + Unpin>(
    mut from_server: BufReader<DuplexStream>,
    mut output: W,
    mut queued: mpsc::UnboundedReceiver<Frame>,
) {
    loop {
        tokio::select! {
            biased;
            message = read_frame(&mut from_server) => {
                let Some(message) = message else { break };
                if output.write_all(&message).await.is_err() || output.flush().await.is_err() {
                    return;
                }
            }
            Some(message) = queued.recv() => {
                if message.write_to(&mut output).await.is_err() || output.flush().await.is_err() {
                    return;
                }
            }
        }
    }
    // The framework has finished: pass on any last error replies.
    while let Ok(message) = queued.try_recv() {
        let _ = message.write_to(&mut output).await;
    }
    let _ = output.flush().await;
}

/// One whole frame written by the framework (which frames correctly).
async fn read_frame(from: &mut BufReader<DuplexStream>) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut length = 0;
    loop {
        let mut line = Vec::new();
        if from.read_until(b'\n', &mut line).await.ok()? == 0 {
            return None;
        }
        head.extend_from_slice(&line);
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end();
        if text.is_empty() {
            break;
        }
        if let Some((name, value)) = text.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    from.read_exact(&mut body).await.ok()?;
    head.extend_from_slice(&body);
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn only_well_formed_json_rpc_passes() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"initialized"}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":3,"result":null}"#).is_ok());
        assert_eq!(check(br#"{"jsonrpc": 2.0"#).unwrap_err().1, -32700);
        assert_eq!(check(br#"[1,2]"#).unwrap_err().1, -32600);
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":7}"#).unwrap_err(),
            (serde_json::json!(7), -32600, "Invalid request")
        );
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)
                .unwrap_err()
                .0,
            serde_json::Value::Null
        );
    }
}
