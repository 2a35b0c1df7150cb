//! "Release behaves like debug": the server's release build must unwind
//! panics, so `CatchPanicLayer` answers the contract's 500 and the process
//! keeps serving. Tests always unwind, so this checks the build itself: the
//! workspace has a `server-release` profile with `panic = "unwind"`, and
//! every release build of the server (Makefile) uses it. `src/lib.rs` also
//! refuses to compile under `panic = "abort"`.

fn read(relative: &str) -> String {
    let path = format!("{}/../../{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The lines of one `[section]` of a TOML file, without comments.
fn section(toml: &str, name: &str) -> Vec<String> {
    let header = format!("[{name}]");
    toml.lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .map(|l| l.split('#').next().unwrap_or("").replace(' ', ""))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_server_release_profile_unwinds() {
    let cargo = read("Cargo.toml");
    let profile = section(&cargo, "profile.server-release");
    assert!(
        profile.contains(&"inherits=\"release\"".to_owned()),
        "{profile:?}"
    );
    assert!(
        profile.contains(&"panic=\"unwind\"".to_owned()),
        "{profile:?}"
    );
}

#[test]
fn release_servers_are_built_with_that_profile() {
    let makefile = read("Makefile");
    let server_builds: Vec<&str> = makefile
        .lines()
        .filter(|l| l.contains("-p portal-server") && l.contains("cargo build"))
        .collect();
    assert!(!server_builds.is_empty());
    for line in &server_builds {
        assert!(
            !line.contains("--release"),
            "`{}` builds the server with panic = \"abort\"",
            line.trim()
        );
    }
    assert!(
        server_builds
            .iter()
            .any(|l| l.contains("--profile server-release")),
        "no release build of the server: {server_builds:?}"
    );
    // The fuzzer runs against the release binary too.
    assert!(makefile.contains("PORTAL_SERVER_BIN=target/server-release/portal-server"));
}
