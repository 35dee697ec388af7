# shellcheck shell=bash
# Running wrk against one target and recording the figures.

# run_wrk LABEL URL HOST DURATION_S [RECORD_ARGS...]: one bounded wrk run (wrk stops itself after
# DURATION_S; `timeout` is a second guard). wrk's full text output goes to $RUN_DIR/wrk/, the
# figures to the record file with the extra key=value RECORD_ARGS.
run_wrk() {
  local label=$1 url=$2 host=$3 duration=$4
  shift 4
  local out="$RUN_DIR/wrk/$label.txt" before after
  mkdir -p "$RUN_DIR/wrk"
  wait_quiet
  # CPU counters around the run: how much of the machine other processes took meanwhile.
  before=$(bt cpu-sample --pid $$)
  timeout --kill-after=5 $((duration + 30)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --latency --timeout 5s \
    -H "Host: $host" -s "$BENCH_DIR/lib/wrk-report.lua" "$url" >"$out" 2>&1 ||
    die "wrk failed for $label: $(tail -n 5 "$out")"
  after=$(bt cpu-sample --pid $$)
  record wrk wrk_output="$out" cpu_before="$before" cpu_after="$after" label="$label" url="$url" host="$host" \
    threads="$THREADS" connections="$CONNECTIONS" duration_s="$duration" "$@"
}

# wait_quiet: with --quiet-wait S, give other work on the machine (builds, tests) up to S seconds
# to calm down before a measured run (see README: shared machines).
wait_quiet() {
  ((QUIET_WAIT > 0)) || return 0
  local waited
  waited=$(bt wait-quiet --pid $$ --max-wait "$QUIET_WAIT")
  [[ $waited == 0 ]] || log "  waited ${waited}s for other processes to leave the CPUs"
}

# warm_up URL HOST: drive load without recording, so that the JIT has compiled the hot path
# before anything is measured.
warm_up() {
  local url=$1 host=$2
  ((WARMUP > 0)) || return 0
  timeout --kill-after=5 $((WARMUP + 30)) \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Host: $host" "$url" >/dev/null 2>&1 ||
    die "warm-up wrk failed for $url"
}
