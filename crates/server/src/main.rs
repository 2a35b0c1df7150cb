//! `portal-server`: serves the portal's JSON API (and optionally the built
//! app) from one in-memory fake lender on 127.0.0.1.

use portal_server::cli::{self, USAGE};
use portal_server::{app, fresh_entropy, Config};
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let env_port = std::env::var("PORT").ok();
    let options = match cli::parse(std::env::args().skip(1), env_port.as_deref()) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("portal-server: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if options.help {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(options).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("portal-server: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: cli::Options) -> Result<(), String> {
    if let Some(dir) = &options.dist {
        // Checking up front turns a typo into a clear error instead of a
        // server that answers every page with 404.
        if !dir.join("index.html").is_file() {
            return Err(format!("{} has no index.html", dir.display()));
        }
    }
    let entropy = fresh_entropy().map_err(|e| format!("no randomness for tokens: {e}"))?;
    let config = Config::new(options.test_controls, entropy);
    let router = app(&config, options.dist.as_deref());
    // Loopback only: this is a demo lender with public credentials, never a
    // service for other machines.
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, options.port));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;
    // Scripts wait for this exact line, so it is printed only once the socket
    // accepts connections, and flushed in case stdout is a pipe.
    println!("listening on http://127.0.0.1:{}", bound.port());
    let _ = std::io::stdout().flush();
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("server failed: {e}"))
}

/// Resolves on Ctrl-C or SIGTERM, letting in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed, waiting forever is right: the
        // process can still be stopped by SIGTERM or SIGKILL.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
