//! The connection loop. axum's own `serve` sets no timeouts and takes every connection; a
//! public server needs both:
//!
//! - a request's head must arrive within [`Limits::header_timeout`], which also closes
//!   kept-alive connections left idle that long (a client dribbling its headers, slowloris,
//!   no longer holds a connection forever);
//! - a write to a client that stopped reading fails after the same time;
//! - at most [`Limits::max_connections`] are open (fitted to the file limit): the next ones
//!   get `503` with `Retry-After` and are closed, before the process runs out of descriptors;
//! - on SIGTERM or Ctrl-C the server stops accepting, lets requests in flight finish within
//!   [`Limits::shutdown_grace`], and returns.

use crate::app::App;
use crate::limits::Limits;
use crate::metrics::Shed;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;
use tower::ServiceExt;

/// Serve until SIGTERM or Ctrl-C.
pub async fn serve(app: Arc<App>, listener: TcpListener) -> std::io::Result<()> {
    serve_until(app, listener, shutdown_signal()).await
}

/// Resolves on SIGTERM (what systemd and container runtimes send) or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {}
        _ = terminate => {}
    }
}

/// Serve until `shutdown` resolves, then shut down gracefully.
pub async fn serve_until(
    app: Arc<App>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let limits = app.limits().clone();
    let router = crate::router(app.clone());
    let _following = crate::follow::follow(&app);
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let (closing, closing_seen) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(c) => c,
                Err(e) => {
                    // Out of descriptors, or a connection reset before it was accepted: wait a
                    // little rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        while connections.try_join_next().is_some() {}
        match permits.clone().try_acquire_owned() {
            Ok(permit) => {
                let (router, app, closing) = (router.clone(), app.clone(), closing_seen.clone());
                connections.spawn(async move {
                    connection(stream, peer, router, &app, closing).await;
                    drop(permit);
                });
            }
            Err(_) => {
                app.metrics().shed(Shed::Connections);
                connections.spawn(shed(stream));
            }
        }
    }
    drop(listener);
    tracing::info!(
        in_flight = connections.len(),
        "shutting down: finishing requests in flight"
    );
    let _ = closing.send(true);
    let finished = tokio::time::timeout(limits.shutdown_grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if finished.is_err() {
        tracing::warn!(
            left = connections.len(),
            "connections still open after the grace period were closed"
        );
        connections.abort_all();
    }
    Ok(())
}

/// Serve one connection until it ends, times out, or the server shuts down.
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: axum::Router,
    app: &App,
    mut closing: watch::Receiver<bool>,
) {
    let limits: &Limits = app.limits();
    let _ = stream.set_nodelay(true);
    app.metrics().connections.inc();
    let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
        let mut req = req.map(axum::body::Body::new);
        req.extensions_mut().insert(ConnectInfo(peer));
        router.clone().oneshot(req)
    });
    let io = TokioIo::new(StallLimit::new(stream, limits.header_timeout));
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true)
        .serve_connection(io, service);
    tokio::pin!(conn);
    let mut shutting_down = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => break,
            changed = closing.changed(), if !shutting_down => {
                if changed.is_err() || *closing.borrow() {
                    // Finish the request in flight, then close.
                    conn.as_mut().graceful_shutdown();
                    shutting_down = true;
                }
            }
        }
    }
    app.metrics().connections.dec();
}

/// Answer a connection over the cap with 503 and close it.
async fn shed(mut stream: TcpStream) {
    let body = r#"{"error":{"code":"overloaded","message":"the server has too many connections open: try again in a second"}}"#;
    let reply = format!(
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        let _ = stream.write_all(reply.as_bytes()).await;
        let _ = stream.shutdown().await;
    })
    .await;
}

/// A stream whose writes fail once they have made no progress for `limit` (a client that
/// stopped reading its response).
struct StallLimit<S> {
    inner: S,
    limit: Duration,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> StallLimit<S> {
    fn new(inner: S, limit: Duration) -> StallLimit<S> {
        StallLimit {
            inner,
            limit,
            stalled: None,
        }
    }

    /// After a write made no progress: start the clock, or fail if it ran out.
    fn pending<T>(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<T>> {
        let limit = self.limit;
        let sleep = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the client stopped reading",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for StallLimit<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for StallLimit<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
