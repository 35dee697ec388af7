# shellcheck shell=bash
# Start-up mode: `java -jar placard.war` (Placard's embedded Tomcat) from launch to the first 200
# on /healthz, on a fresh placard.home each time, so every run also creates the H2 database and
# migrates its schema, as a first start on a new machine does.

startup_mode() {
  local i home port start pid ms before after
  for ((i = 1; i <= STARTUP_RUNS; i++)); do
    home="$WORK_DIR/startup-home"
    rm -rf "$home"
    port=$(free_port)
    wait_quiet
    before=$(bt cpu-sample --pid $$)
    start=$(now_ns)
    java -Dplacard.port="$port" -Dplacard.address=127.0.0.1 -Dplacard.home="$home" \
      -Dplacard.api.token="$API_TOKEN" -jar "$WAR" >"$RUN_DIR/startup-$i.log" 2>&1 &
    pid=$!
    track_pid "$pid"
    ms=$(bt wait-http "http://127.0.0.1:$port/healthz" --since-ns "$start" --timeout 120 --pid "$pid" \
      --fail-log "$RUN_DIR/startup-$i.log") ||
      { tail -n 30 "$RUN_DIR/startup-$i.log" >&2; die "java -jar did not become ready"; }
    after=$(bt cpu-sample --pid $$)
    stop_pid "$pid" 20
    record startup run="$i" ready_ms="$ms" cpu_before="$before" cpu_after="$after"
    log "  start-up run $i: ready after $ms ms"
  done
}
