//! A guard between stdio and the protocol framework. The framework
//! (tower-lsp-server 0.22) stops reading for good at the first message it
//! cannot decode (its framed reader ends on an error), so one malformed
//! message would end the session; what it cannot decode includes valid
//! JSON: an id that is not an `i64` or a string (`1.5`, `1e3`,
//! `18446744073709551616`), a member written twice, nesting past
//! serde_json's 128 levels, a lone UTF-16 surrogate escape, a response
//! whose error object it does not expect. It also leaves `$/` requests
//! unanswered. The guard reads frames itself, resynchronises after bad
//! headers, repairs what can be repaired (lone surrogates and bytes that
//! are not UTF-8 become U+FFFD), passes on only what the framework reads,
//! and answers the rest with a `Parse error` (-32700), `Invalid Request`
//! (-32600) or `Method not found` (-32601), written between the
//! framework's own responses so frames never interleave; a notification or
//! a response it refuses is dropped with a log line. Whether the framework
//! still needs this: feed it the cases of this module's tests without the
//! guard (`tests/tests/lsp_abuse.rs` has them end to end).
//!
//! The server writes its own notifications through the same gap (an
//! [`Outbox`]): diagnostics are serialised straight from their structs,
//! where the framework would build a JSON tree of every message first.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::{Value, json};
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::mpsc;
use tower_lsp_server::lsp_types::{LogMessageParams, MessageType, ShowMessageParams};

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

    /// Writes `message` to the log on standard error and to the client's
    /// log (`window/logMessage`): for what a user may need to see.
    pub fn tell(&self, typ: MessageType, message: &str) {
        log(typ, message);
        self.notify(
            "window/logMessage",
            &LogMessageParams {
                typ,
                message: message.to_string(),
            },
        );
    }

    /// Shows `message` to the user (`window/showMessage`), and logs it.
    pub fn show(&self, typ: MessageType, message: &str) {
        log(typ, message);
        self.notify(
            "window/showMessage",
            &ShowMessageParams {
                typ,
                message: message.to_string(),
            },
        );
    }
}

fn log(typ: MessageType, message: &str) {
    match typ {
        MessageType::ERROR => tracing::error!("{message}"),
        MessageType::WARNING => tracing::warn!("{message}"),
        _ => tracing::info!("{message}"),
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

/// An error reply to the request whose id is written `id` (raw JSON: a
/// number the framework cannot hold, such as `1.5`, is answered as sent,
/// so the client can match the reply to its request).
fn error_reply(id: &str, code: i64, message: &str) -> Frame {
    let mut body = br#"{"jsonrpc":"2.0","id":"#.to_vec();
    body.extend_from_slice(id.as_bytes());
    body.extend_from_slice(br#","error":"#);
    serde_json::to_writer(&mut body, &json!({ "code": code, "message": message }))
        .expect("an error object serialises");
    body.push(b'}');
    Frame::new(body)
}

/// How deeply a message may nest (the message itself is level 1). The
/// framework reads messages with serde_json, which gives up past 128
/// levels, and then stops reading for good; 100 leaves room and is far
/// beyond any message of the protocol.
const MAX_DEPTH: usize = 100;

/// What [`scan`] found in a body.
#[derive(Debug, Default)]
struct Scanned {
    /// The deepest nesting of arrays and objects.
    depth: usize,
    /// Where escapes of lone surrogates were replaced, with what was
    /// written there.
    repaired: Vec<(usize, [u8; 6])>,
}

/// Reads a JSON body once: how deeply it nests, and every escape of a lone
/// UTF-16 surrogate (`\ud800` without its pair), which JavaScript's
/// `JSON.stringify` writes for a buffer holding half a pair but a Rust
/// string cannot hold, replaced in place by `\ufffd` (U+FFFD, the
/// replacement character; both escapes are six bytes).
fn scan(body: &mut [u8]) -> Scanned {
    let mut found = Scanned::default();
    let mut depth = 0usize;
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'"' => {
                i += 1;
                // Inside a string: on to its closing quote, past escapes.
                loop {
                    let Some(n) = memchr::memchr2(b'"', b'\\', &body[i..]) else {
                        return found;
                    };
                    i += n;
                    if body[i] == b'"' {
                        i += 1;
                        break;
                    }
                    i += escape(body, i, &mut found);
                }
            }
            b'[' | b'{' => {
                depth += 1;
                found.depth = found.depth.max(depth);
                i += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// The length of the escape at `body[at]` (a backslash), repairing it if
/// it is a lone surrogate.
fn escape(body: &mut [u8], at: usize, found: &mut Scanned) -> usize {
    let unit = |from: usize| -> Option<u16> {
        let hex = body.get(from..from + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let Some(first) = unit(at) else {
        return 2; // `\n`, `\"` and the like (or a broken escape)
    };
    let high = (0xD800..0xDC00).contains(&first);
    let low = (0xDC00..0xE000).contains(&first);
    if high && unit(at + 6).is_some_and(|u| (0xDC00..0xE000).contains(&u)) {
        return 12; // a pair: one character beyond the BMP
    }
    if high || low {
        let mut original = [0; 6];
        original.copy_from_slice(&body[at..at + 6]);
        body[at..at + 6].copy_from_slice(br"\ufffd");
        found.repaired.push((at, original));
    }
    6
}

/// The members of a message, in the order written, as written.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> serde::Deserialize<'de> for Members<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON-RPC message (an object)")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, &'de RawValue>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(Visitor)
    }
}

/// What becomes of a message the guard has read.
#[derive(Debug)]
enum Verdict {
    /// Well-formed: on to the framework.
    Pass,
    /// Refused, and answered: the reply's id (raw JSON), code and message.
    Reply(String, i64, String),
    /// Refused without an answer (a notification or a response, which
    /// get none), with the reason, for the log.
    Drop(String),
}

/// Whether `body` goes on to the framework, repairing on the way what can
/// be (invalid UTF-8 and lone surrogates become U+FFFD). The members are
/// looked at as written, so a 10 MB `didOpen` is scanned, not copied.
fn check(body: &mut Vec<u8>) -> Verdict {
    if std::str::from_utf8(body).is_err() {
        *body = String::from_utf8_lossy(body).into_owned().into_bytes();
        tracing::warn!("a message held bytes that are not UTF-8: read as U+FFFD");
    }
    let scanned = scan(body);
    if !scanned.repaired.is_empty() {
        tracing::info!(
            "a message held {} lone UTF-16 surrogate(s): read as U+FFFD",
            scanned.repaired.len()
        );
    }
    let members = match serde_json::from_slice::<Members>(body) {
        Ok(Members(members)) => members,
        Err(e) => {
            let (code, what) = match e.classify() {
                Category::Data => (-32600, "Invalid request"),
                _ => (-32700, "Parse error"),
            };
            return Verdict::Reply("null".into(), code, format!("{what}: {e}"));
        }
    };
    let raw = |key: &str| members.iter().find(|(k, _)| k == key).map(|(_, v)| v.get());
    let starts = |key: &str, first: &[u8]| {
        raw(key).is_some_and(|v| v.bytes().next().is_some_and(|b| first.contains(&b)))
    };
    // The id as the client wrote it (before any repair), for a reply.
    let id = raw("id").map(|v| {
        let at = v.as_ptr() as usize - body.as_ptr() as usize;
        let mut written = v.as_bytes().to_vec();
        for (offset, original) in &scanned.repaired {
            if (at..at + v.len()).contains(offset) {
                written[offset - at..offset - at + 6].copy_from_slice(original);
            }
        }
        (
            String::from_utf8_lossy(&written).into_owned(),
            written != v.as_bytes(),
        )
    });
    let answer_id = match &id {
        Some((written, _)) if starts("id", b"-0123456789\"") => written.clone(),
        _ => "null".to_string(),
    };
    let is_request = members.iter().any(|(k, _)| k == "method");
    let refuse = |reason: String| {
        if (is_request && id.is_none()) || (!is_request && raw("result").or(raw("error")).is_some())
        {
            Verdict::Drop(reason)
        } else {
            Verdict::Reply(
                answer_id.clone(),
                -32600,
                format!("Invalid request: {reason}"),
            )
        }
    };

    let mut names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    names.sort_unstable();
    if let Some(twice) = names.windows(2).find(|w| w[0] == w[1]) {
        return refuse(format!("the member `{}` is written twice", twice[0]));
    }
    match raw("jsonrpc").map(serde_json::from_str::<Cow<str>>) {
        Some(Ok(v)) if v == "2.0" => {}
        _ => return refuse("`jsonrpc` is not \"2.0\"".into()),
    }
    match &id {
        None => {}
        Some((_, true)) => return refuse("the id holds a lone UTF-16 surrogate".into()),
        Some((written, false)) => {
            let valid =
                written == "null" || written.starts_with('"') || written.parse::<i64>().is_ok();
            if !valid {
                return refuse(format!(
                    "the id {written} is neither a string nor a whole number of 64 bits"
                ));
            }
        }
    }
    if scanned.depth > MAX_DEPTH {
        return refuse(format!(
            "the message nests more than {MAX_DEPTH} levels deep"
        ));
    }
    if !is_request {
        // A response to one of the server's requests: read it as the
        // framework will (responses are small).
        if raw("result").is_none() && raw("error").is_none() {
            return refuse("neither a request, a notification nor a response".into());
        }
        if id.is_none() {
            return Verdict::Drop("a response without an id".into());
        }
        if let Err(e) = serde_json::from_slice::<tower_lsp_server::jsonrpc::Response>(body) {
            return Verdict::Drop(format!("a response that cannot be read: {e}"));
        }
        return Verdict::Pass;
    }
    if !starts("method", b"\"") {
        return refuse("`method` is not a string".into());
    }
    if !raw("params").is_none_or(|p| p == "null" || starts("params", b"{[")) {
        return refuse("`params` is neither an object nor an array".into());
    }
    // The framework swallows `$/` requests it does not know; the protocol
    // wants them answered "method not found" (it handles no `$/` request).
    if id.is_some() && raw("method").is_some_and(|m| m.starts_with("\"$/")) {
        return Verdict::Reply(
            answer_id,
            -32601,
            format!("Method not found: {}", raw("method").unwrap_or_default()),
        );
    }
    Verdict::Pass
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
        match check(&mut body) {
            Verdict::Pass => {
                offered.read(&body);
                if Frame::new(body).write_to(&mut to_server).await.is_err() {
                    return;
                }
            }
            Verdict::Reply(id, code, message) => {
                tracing::warn!("refused a message (id {id}): {message}");
                let _ = errors.send(error_reply(&id, code, &message));
            }
            Verdict::Drop(reason) => tracing::warn!("dropped a message: {reason}"),
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
    use super::{MAX_DEPTH, Verdict, check};

    fn verdict(body: &str) -> Verdict {
        check(&mut body.as_bytes().to_vec())
    }

    fn reply(body: &str) -> (String, i64) {
        match verdict(body) {
            Verdict::Reply(id, code, _) => (id, code),
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn only_well_formed_json_rpc_passes() {
        let passes = |body: &str| matches!(verdict(body), Verdict::Pass);
        assert!(passes(
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#
        ));
        assert!(passes(r#"{"jsonrpc":"2.0","method":"initialized"}"#));
        assert!(passes(r#"{"jsonrpc":"2.0","id":3,"result":null}"#));
        assert!(passes(r#"{"jsonrpc":"2.0","id":"a","method":"x"}"#));
        assert_eq!(reply(r#"{"jsonrpc": 2.0"#), ("null".into(), -32700));
        assert_eq!(reply(r#"[1,2]"#), ("null".into(), -32600));
        assert_eq!(reply(r#"{"jsonrpc":"2.0","id":7}"#), ("7".into(), -32600));
        assert_eq!(
            reply(r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#),
            ("null".into(), -32600)
        );
    }

    #[test]
    fn ids_the_framework_cannot_hold_are_answered_as_written() {
        for id in ["1.5", "1e3", "18446744073709551616", "-9223372036854775809"] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#);
            assert_eq!(reply(&body), (id.to_string(), -32600), "{body}");
        }
        let body = r#"{"jsonrpc":"2.0","id":"\ud800","method":"shutdown"}"#;
        assert_eq!(reply(body), (r#""\ud800""#.to_string(), -32600));
    }

    #[test]
    fn a_member_written_twice_is_refused() {
        let body = r#"{"jsonrpc":"2.0","jsonrpc":"2.0","id":5,"method":"shutdown"}"#;
        assert_eq!(reply(body), ("5".into(), -32600));
        let notification = r#"{"jsonrpc":"2.0","method":"x","method":"y"}"#;
        assert!(matches!(verdict(notification), Verdict::Drop(_)));
    }

    #[test]
    fn nesting_the_framework_reads_passes_and_deeper_is_refused() {
        let nested = |levels: usize| {
            format!(
                r#"{{"jsonrpc":"2.0","id":1,"method":"x","params":{}{}}}"#,
                "[".repeat(levels),
                "]".repeat(levels)
            )
        };
        let deepest = nested(MAX_DEPTH - 1);
        assert!(matches!(verdict(&deepest), Verdict::Pass));
        // What passes, the framework can read.
        serde_json::from_str::<tower_lsp_server::jsonrpc::Request>(&deepest).unwrap();
        assert_eq!(reply(&nested(300)), ("1".into(), -32600));
    }

    #[test]
    fn lone_surrogates_become_the_replacement_character() {
        let mut body = br#"{"jsonrpc":"2.0","method":"m","params":{"text":"a\ud800b\udc00\ud83d\ude00\\ud800"}}"#.to_vec();
        assert!(matches!(check(&mut body), Verdict::Pass));
        let message: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(message["params"]["text"], "a\u{fffd}b\u{fffd}😀\\ud800");
        let mut bytes = b"{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[\"\xff\"]}".to_vec();
        assert!(matches!(check(&mut bytes), Verdict::Pass));
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()["params"][0],
            "\u{fffd}"
        );
    }

    #[test]
    fn unknown_dollar_requests_are_method_not_found_and_notifications_pass() {
        assert_eq!(
            reply(r#"{"jsonrpc":"2.0","id":4,"method":"$/nothing"}"#),
            ("4".into(), -32601)
        );
        assert!(matches!(
            verdict(r#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#),
            Verdict::Pass
        ));
    }

    #[test]
    fn responses_the_framework_cannot_read_are_dropped() {
        assert!(matches!(
            verdict(r#"{"jsonrpc":"2.0","id":1.5,"result":null}"#),
            Verdict::Drop(_)
        ));
        assert!(matches!(
            verdict(r#"{"jsonrpc":"2.0","id":2,"error":{"code":1.5,"message":"x"}}"#),
            Verdict::Drop(_)
        ));
        assert!(matches!(
            verdict(r#"{"jsonrpc":"2.0","id":9,"result":"\ud800"}"#),
            Verdict::Pass
        ));
    }
}
