//! Containment: a panic in one request's handler is caught, logged, shown
//! to the user and answered as an internal error (-32603), and the server
//! goes on serving. The framework polls handlers on its own task, so a
//! panic there would otherwise end the whole session.
//!
//! Panics in analyses (on blocking threads) are caught where they are
//! awaited; see [`panic_message`].

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use tower_lsp_server::ExitedError;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Request, Response};
use tower_lsp_server::lsp_types::MessageType;
use tower_service::Service;

use super::transport::Outbox;

type Answer = Result<Option<Response>, ExitedError>;
type Handler = Pin<Box<dyn Future<Output = Answer> + Send>>;

/// The framework's service, each handler run under `catch_unwind`.
pub struct Contained<S> {
    inner: S,
    outbox: Outbox,
    /// Set when the client says `exit`.
    exit: Arc<AtomicBool>,
}

impl<S> Contained<S> {
    /// Wraps `inner`; `exit` is set when the client says `exit`.
    pub fn new(inner: S, outbox: Outbox, exit: Arc<AtomicBool>) -> Contained<S> {
        Contained {
            inner,
            outbox,
            exit,
        }
    }
}

impl<S> Service<Request> for Contained<S>
where
    S: Service<Request, Response = Option<Response>, Error = ExitedError, Future = Handler>,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = Handler;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), ExitedError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Handler {
        let method = request.method().to_string();
        if method == "exit" {
            self.exit.store(true, Ordering::SeqCst);
        }
        let id = request.id().cloned();
        let outbox = self.outbox.clone();
        let handler = catch_unwind(AssertUnwindSafe(|| self.inner.call(request)));
        Box::pin(async move {
            let outcome = match handler {
                Ok(handler) => CatchUnwind(handler).await,
                Err(panic) => Err(panic),
            };
            outcome.unwrap_or_else(|panic| {
                let message = format!(
                    "transcript-ls: `{method}` failed: {}. The server goes on; please report this.",
                    panic_message(&*panic)
                );
                outbox.tell(MessageType::ERROR, &message);
                Ok(id.map(|id| {
                    Response::from_error(
                        id,
                        Error {
                            code: ErrorCode::InternalError,
                            message: message.into(),
                            data: None,
                        },
                    )
                }))
            })
        })
    }
}

/// A handler's future, polled under `catch_unwind`.
struct CatchUnwind(Handler);

impl Future for CatchUnwind {
    type Output = Result<Answer, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match catch_unwind(AssertUnwindSafe(|| self.0.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(answer)) => Poll::Ready(Ok(answer)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

/// What a panic said (its message, when it gave one).
pub fn panic_message(panic: &(dyn Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic".to_string()
    }
}
