# shellcheck shell=bash
# Placard deployed as webapps/ROOT.war in a stock Tomcat 11, next to a plain static context
# (webapps/static/) so that Tomcat's own DefaultServlet serves the same bytes in the same JVM.
#
# Layout: CATALINA_HOME is the untouched distribution; TOMCAT_BASE=$WORK_DIR/tomcat-base is a
# CATALINA_BASE rebuilt by make_tomcat_base (conf/ copied from the distribution and edited).
# PLACARD_HOME survives restarts of Tomcat (the scale mode restarts it on a rewritten database).

TOMCAT_PID=
TOMCAT_PORT=

make_tomcat_base() {
  local body=$1
  TOMCAT_BASE="$WORK_DIR/tomcat-base"
  rm -rf "$TOMCAT_BASE"
  mkdir -p "$TOMCAT_BASE"/{bin,logs,temp,work,webapps}
  cp -r "$CATALINA_HOME/conf" "$TOMCAT_BASE/conf"
  TOMCAT_PORT=$(free_port)
  # Connector on 127.0.0.1 and a free port, shutdown port disabled (we stop Tomcat with SIGTERM),
  # access log valve removed because nginx runs with access_log off (same work on both sides).
  local attrs=() attr
  for attr in ${TOMCAT_CONNECTOR//,/ }; do attrs+=(--connector-attr "$attr"); done
  bt tomcat-server-xml "$TOMCAT_BASE/conf/server.xml" --address 127.0.0.1 --port "$TOMCAT_PORT" \
    "${attrs[@]}"

  cat >"$TOMCAT_BASE/bin/setenv.sh" <<SETENV
# Written by bench/run.
CATALINA_OPTS="-Xms512m -Xmx1g ${TOMCAT_JVM_EXTRA:-} -Dplacard.home=$PLACARD_HOME -Dplacard.api.token=$API_TOKEN"
SETENV

  # The base starts with no application at all: no stock ROOT, docs, examples, manager or
  # host-manager (they are in CATALINA_HOME/webapps, which this base does not use).
  cp "$WAR" "$TOMCAT_BASE/webapps/ROOT.war"
  # Tomcat's DefaultServlet serves dot-directories; only WEB-INF and META-INF are hidden.
  mkdir -p "$TOMCAT_BASE/webapps/static/.well-known"
  cp "$body" "$TOMCAT_BASE/webapps/static/.well-known/mta-sts.txt"
}

# start_tomcat: launch `catalina.sh run` (it execs java, so $! is the JVM's pid, which jcmd
# needs) and sets TOMCAT_START_NS for the readiness timings.
start_tomcat() {
  [[ -z $TOMCAT_PID ]] || die "Tomcat already running (pid $TOMCAT_PID)"
  TOMCAT_START_NS=$(now_ns)
  env CATALINA_HOME="$CATALINA_HOME" CATALINA_BASE="$TOMCAT_BASE" \
    "$CATALINA_HOME/bin/catalina.sh" run >>"$TOMCAT_BASE/logs/console.log" 2>&1 &
  TOMCAT_PID=$!
  track_pid "$TOMCAT_PID"
  log "Tomcat starting (pid $TOMCAT_PID, http://127.0.0.1:$TOMCAT_PORT, log $TOMCAT_BASE/logs/console.log)"
}

stop_tomcat() {
  [[ -n $TOMCAT_PID ]] || return 0
  log "stopping Tomcat (pid $TOMCAT_PID)"
  stop_pid "$TOMCAT_PID" 30
  TOMCAT_PID=
}

# wait_placard_ready: prints the milliseconds from TOMCAT_START_NS to the first 200 on /healthz.
wait_placard_ready() {
  bt wait-http "http://127.0.0.1:$TOMCAT_PORT/healthz" --since-ns "$TOMCAT_START_NS" \
    --timeout 300 --pid "$TOMCAT_PID" --fail-log "$TOMCAT_BASE/logs/console.log" ||
    { tail -n 40 "$TOMCAT_BASE/logs/console.log" >&2; die "Placard did not become ready"; }
}
