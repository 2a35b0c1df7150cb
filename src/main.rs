//! The wasm binary: everything lives in the library so browser tests can
//! mount its components.

fn main() {
    member_portal::start();
}
