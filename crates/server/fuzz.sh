#!/usr/bin/env bash
# Property-based fuzzing of portal-server against openapi/openapi.yaml with
# schemathesis 3.x. Assumes the binary is built (cargo build -p portal-server).
#
# It starts `portal-server --port 8099 --test-controls`, reseeds the lender
# at the run's fixed clock, signs in to get a real bearer token (so the
# signed-in operations are fuzzed past the 401), runs every schemathesis
# check on valid and invalid data (positive and negative generation) with a
# bounded number of examples, stops the server and exits non-zero if any
# check failed.
#
# Environment:
#   PORTAL_SERVER_BIN  the binary (default: $CARGO_TARGET_DIR or target/, debug build)
#                      (`make test-contract` runs it again with the release build,
#                      target/server-release/portal-server)
#   SCHEMATHESIS       a schemathesis 3.x executable to use instead of the private venv
#   FUZZ_EXAMPLES      examples per operation (default 30)
#   FUZZ_RANDOM        if set, draw a fresh random seed instead of the fixed
#                      (derandomised) one, which keeps CI runs reproducible
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
bin="${PORTAL_SERVER_BIN:-$target_dir/debug/portal-server}"
port=8099
base="http://127.0.0.1:$port"
examples="${FUZZ_EXAMPLES:-30}"

if [[ ! -x "$bin" ]]; then
    echo "fuzz.sh: $bin not found; build it first: cargo build -p portal-server" >&2
    exit 2
fi

# schemathesis 3.x: a `schemathesis` on PATH is used only if it is 3.x,
# because 4.x has a different command line. Otherwise a private venv is
# made once under the target directory. Hypothesis is capped because
# hypothesis-jsonschema (which schemathesis 3 uses) calls an internal
# hypothesis API that hypothesis 6.170.x removed.
st="${SCHEMATHESIS:-}"
if [[ -z "$st" ]] && command -v schemathesis >/dev/null 2>&1 \
    && schemathesis --version 2>/dev/null | grep -q 'version 3\.' \
    && python3 -c 'import hypothesis.internal.conjecture.utils as u, sys; sys.exit(0 if hasattr(u.many, "more") else 1)' 2>/dev/null; then
    st="$(command -v schemathesis)"
fi
if [[ -z "$st" ]]; then
    venv="$target_dir/fuzz-venv"
    if [[ ! -x "$venv/bin/schemathesis" ]]; then
        echo "fuzz.sh: installing schemathesis 3.x into $venv" >&2
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check \
            'schemathesis>=3.39,<4' 'hypothesis>=6.108,<6.170'
    fi
    st="$venv/bin/schemathesis"
fi
echo "fuzz.sh: using $("$st" --version)"

log="$(mktemp)"
"$bin" --port "$port" --test-controls >"$log" 2>&1 &
server_pid=$!
stop_server() {
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -f "$log"
}
trap stop_server EXIT

for _ in $(seq 1 100); do
    if grep -q "^listening on $base" "$log"; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "fuzz.sh: portal-server exited early:" >&2
        cat "$log" >&2
        exit 2
    fi
    sleep 0.1
done
if ! grep -q "^listening on $base" "$log"; then
    echo "fuzz.sh: portal-server did not start within 10 s" >&2
    exit 2
fi

# Every request of the run, the reset and sign-in below included, happens at
# Wednesday 2026-01-07 12:00 JST by X-Test-Now, so no real maintenance window
# (Mondays 00:00-07:00 JST, New Year's Day) can turn the run into 503s and
# the token never idles out, whenever the script runs. The lender is first
# seeded at that instant too: seeded at the real start-up time, its ledgers
# would end after the run's clock, and a transfer booked before a ledger's
# last entry cannot be booked (the lender answers 500).
now_ms=1767754800000

# A lender seeded at the run's instant, and a real token for the demo card
# member.
token="$(python3 - "$base" "$now_ms" <<'PY'
import json, sys, urllib.request
reset = urllib.request.Request(
    sys.argv[1] + "/api/v1/test/reset",
    headers={"X-Test-Now": sys.argv[2]},
    method="POST",
)
urllib.request.urlopen(reset, timeout=10).close()
request = urllib.request.Request(
    sys.argv[1] + "/api/v1/sessions",
    data=json.dumps({"method": "card", "card_number": "1234567890", "pin": "1234"}).encode(),
    headers={"Content-Type": "application/json", "X-Test-Now": sys.argv[2]},
    method="POST",
)
with urllib.request.urlopen(request, timeout=10) as response:
    print(json.load(response)["token"])
PY
)"

common=(
    "$root/openapi/openapi.yaml"
    --base-url "$base"
    --experimental=openapi-3.1
    --hypothesis-max-examples "$examples"
    ${FUZZ_RANDOM:+--hypothesis-seed=$RANDOM$RANDOM}
    ${FUZZ_RANDOM:---hypothesis-derandomize}
    --no-color
    # Sent on every request: it replaces generated Authorization values,
    # which schemathesis draws from all of Latin-1 including control
    # characters that are not valid HTTP (hyper refuses them with a bare 400).
    --header "Authorization: Bearer $token"
    --header "X-Test-Now: $now_ms"
)

status=0
# The order matters: the main run resets the lender (`testReset`), which
# ends the shared token's session, so the runs that need it go first.
#
# 1. The four operations with an `Idempotency-Key` header parameter (the
#    money movements, the points exchange and the document upload, whose
#    random pages the lender refuses by content), on positive data only. Negative data for them includes header values with
#    control characters, which are not valid HTTP and which hyper refuses
#    with a bare 400 before any operation runs (outside the contract, see
#    the document's description); run 2 still sends them negative data.
"$st" run "${common[@]}" --data-generation-method positive \
    --checks all --exclude-checks negative_data_rejection \
    --include-operation-id transfer --include-operation-id startRepayment \
    --include-operation-id exchangePoints --include-operation-id submitDocuments || status=1
# 2. `negative_data_rejection` on its own, on negative data only. Mixed
#    with positive data, schemathesis 3 can negate only a header that the
#    fixed `--header` values above then replace, and report the resulting
#    valid request (for example `GET /account/history?kind=borrowing`) as
#    "accepted negative data": the false positive schemathesis fixed in 4.x
#    (schemathesis/schemathesis#4762), whose command line differs. This is
#    the only run that sends `testSetFaults` anything: a valid declaration
#    would make the next requests fail on purpose (cut connections, stalled
#    answers), which a run cannot tell from a real failure. Any fault is
#    cleared after it all the same. `accountHistory` is left out of this
#    run: the false positive above still reaches it now and then on
#    negative data alone (a run on identical code passed, the next failed
#    on `?kind=borrowing`); its unreadable queries are refused in
#    `crates/server/tests/api.rs` instead, and runs 1 and 3 still fuzz it.
"$st" run "${common[@]}" --data-generation-method negative \
    --checks negative_data_rejection --exclude-operation-id signOut \
    --exclude-operation-id accountHistory || status=1
python3 - "$base" <<'PY' || status=1
import sys, urllib.request
request = urllib.request.Request(sys.argv[1] + "/api/v1/test/faults", method="DELETE")
urllib.request.urlopen(request, timeout=10).close()
PY
# 3. Every other check on every other operation except sign-out.
"$st" run "${common[@]}" --data-generation-method all \
    --checks all --exclude-checks negative_data_rejection \
    --exclude-operation-id signOut --exclude-operation-id testSetFaults \
    --exclude-operation-id transfer --exclude-operation-id startRepayment \
    --exclude-operation-id exchangePoints --exclude-operation-id submitDocuments || status=1
# 4. Sign-out, last (it ends the session), without `ignored_auth`: answering
#    204 to an unknown token is the documented idempotent behaviour, which
#    that check would report as "auth not enforced".
"$st" run "${common[@]}" --data-generation-method all --checks all --exclude-checks ignored_auth \
    --include-operation-id signOut || status=1

if [[ $status -eq 0 ]]; then
    echo "fuzz.sh: all checks passed"
else
    echo "fuzz.sh: schemathesis reported failures" >&2
fi
exit "$status"
