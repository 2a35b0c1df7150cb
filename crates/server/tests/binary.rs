//! The real `portal-server` binary: its command line, the line it prints
//! when ready, loopback-only binding, and graceful shutdown on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_portal-server");

/// A running server that is killed if the test fails before stopping it.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary on a free port and waits for its "listening" line.
fn start(extra: &[&str]) -> Server {
    let mut child = Command::new(BIN)
        .args(["--port", "0"])
        .args(extra)
        .env_remove("PORT")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    let line = receiver
        .recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|e| panic!("server did not report readiness: {e}"));
    let port = line
        .trim()
        .strip_prefix("listening on http://127.0.0.1:")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"));
    Server { child, port }
}

/// Sends SIGTERM and returns whether the process exited successfully in time.
fn terminate(server: &mut Server) -> bool {
    // The shell's built-in `kill` is used so the test needs no `kill` binary
    // and no signal-handling crate.
    let pid = server.child.id();
    let sent = Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status();
    assert!(sent.is_ok_and(|s| s.success()), "kill -TERM failed");
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = server.child.try_wait() {
            return status.success();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[tokio::test]
async fn serves_on_loopback_and_stops_gracefully_on_sigterm() {
    let mut server = start(&["--test-controls"]);
    let base = format!("http://127.0.0.1:{}/api/v1", server.port);
    let client = reqwest::Client::new();
    let monday_3am_jst = "1767549600000";
    let response = client
        .post(format!("{base}/sessions"))
        .header("x-test-now", monday_3am_jst)
        .json(&serde_json::json!({"method": "card", "card_number": "1234567890", "pin": "1234"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("request failed: {e}"));
    assert_eq!(response.status(), 503);
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    assert_eq!(
        body,
        serde_json::json!({"code": "maintenance", "until": "2026-01-05T07:00:00"})
    );
    let reset = client
        .post(format!("{base}/test/reset"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("request failed: {e}"));
    assert_eq!(reset.status(), 204);
    assert!(
        terminate(&mut server),
        "server did not exit cleanly on SIGTERM"
    );
}

#[tokio::test]
async fn test_controls_are_off_by_default() {
    let mut server = start(&[]);
    let response = reqwest::Client::new()
        .post(format!(
            "http://127.0.0.1:{}/api/v1/test/reset",
            server.port
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("request failed: {e}"));
    assert_eq!(response.status(), 404);
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    assert_eq!(body, serde_json::json!({"code": "not_found"}));
    assert!(terminate(&mut server));
}

#[test]
fn help_succeeds_and_bad_arguments_exit_2() {
    let help = Command::new(BIN).arg("--help").output();
    assert!(help
        .is_ok_and(|o| o.status.success()
            && String::from_utf8_lossy(&o.stdout).contains("--test-controls")));
    for args in [
        &["--port", "http"][..],
        &["--frobnicate"][..],
        &["--dist", "/nonexistent/dir"][..],
    ] {
        let status = Command::new(BIN)
            .args(args)
            .env_remove("PORT")
            .stderr(Stdio::null())
            .status();
        let code = status.ok().and_then(|s| s.code());
        assert!(matches!(code, Some(1 | 2)), "{args:?}: {code:?}");
    }
}
