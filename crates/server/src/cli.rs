//! The command line: `portal-server [--port N] [--dist DIR] [--test-controls]`.
//!
//! It is parsed by hand because three flags do not justify a parser crate,
//! and a hand-written parser keeps every error message in our words.

use std::path::PathBuf;

/// The port used when neither `--port` nor `PORT` names one.
pub const DEFAULT_PORT: u16 = 8081;

/// The usage text printed for `--help` and after a command-line error.
pub const USAGE: &str = "\
usage: portal-server [--port N] [--dist DIR] [--test-controls]

  --port N         port to listen on at 127.0.0.1 (default: $PORT, else 8081; 0 picks a free one)
  --dist DIR       also serve the built portal from DIR, falling back to DIR/index.html
  --test-controls  enable /api/v1/test/* and honour the X-Test-Now header (tests only)
  --help           print this text";

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub port: u16,
    pub dist: Option<PathBuf>,
    pub test_controls: bool,
    pub help: bool,
}

/// Parses the arguments after the program name. `env_port` is the value of
/// `PORT`, passed in so that parsing stays a pure function the tests can call.
pub fn parse<I>(args: I, env_port: Option<&str>) -> Result<Options, String>
where
    I: IntoIterator<Item = String>,
{
    let mut port = None;
    let mut dist = None;
    let mut test_controls = false;
    let mut help = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // `--flag=value` and `--flag value` are both accepted, as most tools do.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--port" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or("--port needs a number")?;
                port = Some(parse_port(&value)?);
            }
            "--dist" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or("--dist needs a directory")?;
                dist = Some(PathBuf::from(value));
            }
            "--test-controls" if inline.is_none() => test_controls = true,
            "--help" | "-h" if inline.is_none() => help = true,
            _ => return Err(format!("unknown argument: {arg}")),
        }
    }
    let port = match (port, env_port) {
        (Some(port), _) => port,
        (None, Some(value)) => parse_port(value).map_err(|e| format!("PORT: {e}"))?,
        (None, None) => DEFAULT_PORT,
    };
    Ok(Options {
        port,
        dist,
        test_controls,
        help,
    })
}

fn parse_port(value: &str) -> Result<u16, String> {
    value
        .trim()
        .parse::<u16>()
        .map_err(|_| format!("not a port number: {value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn defaults_to_port_8081() {
        let options = parse(args(&[]), None);
        assert_eq!(options.map(|o| o.port), Ok(DEFAULT_PORT));
    }

    #[test]
    fn flag_beats_environment() {
        assert_eq!(parse(args(&[]), Some("9000")).map(|o| o.port), Ok(9000));
        assert_eq!(
            parse(args(&["--port", "9001"]), Some("9000")).map(|o| o.port),
            Ok(9001)
        );
        assert_eq!(
            parse(args(&["--port=9002"]), None).map(|o| o.port),
            Ok(9002)
        );
    }

    #[test]
    fn reads_every_flag() {
        let parsed = parse(args(&["--dist", "dist", "--test-controls"]), None);
        assert_eq!(
            parsed,
            Ok(Options {
                port: DEFAULT_PORT,
                dist: Some(PathBuf::from("dist")),
                test_controls: true,
                help: false,
            })
        );
    }

    #[test]
    fn refuses_nonsense() {
        assert!(parse(args(&["--port"]), None).is_err());
        assert!(parse(args(&["--port", "70000"]), None).is_err());
        assert!(parse(args(&["--bogus"]), None).is_err());
        assert!(parse(args(&["--test-controls=yes"]), None).is_err());
        assert!(parse(args(&[]), Some("http")).is_err());
    }
}
