# shellcheck shell=bash
# Shared helpers for bench/run: logging, process tracking and clean-up, ports, HTTP checks.
# Sourced, not executed. Expects BENCH_DIR, WORK_DIR and RUN_DIR to be set by bench/run.

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

# Every process we start goes through track_pid so that cleanup can end it, whatever way the
# run ends (normal exit, error under set -e, Ctrl-C). We never kill by name: another Tomcat or
# nginx on this machine is none of our business.
TRACKED_PIDS=()
track_pid() { TRACKED_PIDS+=("$1"); }

untrack_pid() {
  local keep=() p
  for p in "${TRACKED_PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
  TRACKED_PIDS=("${keep[@]}")
}

# stop_pid PID [GRACE_SECONDS]: SIGTERM, wait for a graceful exit (Tomcat runs its shutdown hook,
# which lets Placard close its database), then SIGKILL whatever is left.
stop_pid() {
  local pid=$1 grace=${2:-20} i
  kill -0 "$pid" 2>/dev/null || { untrack_pid "$pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid still alive after ${grace}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  untrack_pid "$pid"
}

cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  if ((${#TRACKED_PIDS[@]})); then
    log "cleaning up ${#TRACKED_PIDS[@]} process(es): ${TRACKED_PIDS[*]}"
    # Copy first: stop_pid edits the array.
    for p in "${TRACKED_PIDS[@]}"; do stop_pid "$p" 10; done
  fi
  # The private copy of the WAR (see snapshot_war) is 35 MB a run; the figures do not need it.
  [[ -z ${RUN_DIR-} ]] || rm -f "$RUN_DIR/placard.war"
  exit "$rc"
}

# Installed by bench/run right after argument parsing.
install_traps() {
  trap cleanup EXIT
  trap 'log "interrupted"; exit 130' INT
  trap 'log "terminated"; exit 143' TERM
}

# A free TCP port on the loopback interface (the kernel picks it; the small race until the
# server binds it is acceptable on a benchmark machine).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Milliseconds-resolution wall clock in nanoseconds, for "time from launch to ready" figures.
now_ns() { date +%s%N; }

# Python helper (standard library only) shared by all steps.
bt() { python3 "$BENCH_DIR/lib/benchtool.py" "$@"; }

# Append one JSON record to the run's record file (the source of the final report).
record() { bt record "$RUN_DIR/records.jsonl" "$@"; }

# fetch_to URL HOST OUTFILE: body to OUTFILE, prints the status code.
fetch_to() {
  curl -sS --max-time 10 -H "Host: $2" -o "$3" -w '%{http_code}' "$1" || echo 000
}

# check_same_body NAME URL HOST EXPECTED_FILE: abort unless URL answers 200 with exactly the
# expected bytes. Comparing throughput of servers that send different bodies would be meaningless.
check_same_body() {
  local name=$1 url=$2 host=$3 expected=$4 got="$RUN_DIR/check-$1.body" code ctype
  code=$(fetch_to "$url" "$host" "$got")
  [[ $code == 200 ]] || die "$name: GET $url (Host: $host) answered $code, expected 200"
  cmp -s "$expected" "$got" || die "$name: body of $url differs from $expected ($(wc -c <"$got") vs $(wc -c <"$expected") bytes)"
  ctype=$(curl -sS --max-time 10 -o /dev/null -H "Host: $host" -w '%{content_type}' "$url")
  log "  $name: 200, $(wc -c <"$got") bytes identical, Content-Type: $ctype"
}
