# shellcheck shell=bash
# nginx as the reference static server: 2 workers, sendfile, no access log, loopback only,
# everything (config, pid, logs, temp dirs) under $WORK_DIR/nginx.

NGINX_PID=
NGINX_PORT=

start_nginx() {
  local body=$1 dir="$WORK_DIR/nginx"
  rm -rf "$dir"
  mkdir -p "$dir"/{html/.well-known,logs,tmp}
  cp "$body" "$dir/html/.well-known/mta-sts.txt"
  NGINX_PORT=$(free_port)
  # As root the master would hand the workers to nobody, who may not be able to read a file
  # under a private work tree; root workers are fine for a loopback-only benchmark.
  local user_line=""
  [[ $EUID -eq 0 ]] && user_line="user root root;"
  cat >"$dir/nginx.conf" <<CONF
# Written by bench/run.
$user_line
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;

events {
    worker_connections 1024;
}

http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    # Debian's build puts its temp paths under /var/lib/nginx; keep ours private.
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;

    types { text/plain txt; }
    default_type application/octet-stream;

    server {
        listen 127.0.0.1:$NGINX_PORT default_server;
        server_name _;
        root $dir/html;
    }
}
CONF
  nginx -t -q -p "$dir" -c "$dir/nginx.conf" || die "nginx rejected $dir/nginx.conf"
  # daemon off: the master stays our child, so $! is its pid and we can stop it ourselves.
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >>"$dir/logs/console.log" 2>&1 &
  NGINX_PID=$!
  track_pid "$NGINX_PID"
  bt wait-http "http://127.0.0.1:$NGINX_PORT/.well-known/mta-sts.txt" --timeout 10 --pid "$NGINX_PID" >/dev/null ||
    die "nginx did not answer, see $dir/logs"
  log "nginx started (pid $NGINX_PID, http://127.0.0.1:$NGINX_PORT)"
}

stop_nginx() {
  [[ -n $NGINX_PID ]] || return 0
  log "stopping nginx (pid $NGINX_PID)"
  stop_pid "$NGINX_PID" 10
  NGINX_PID=
}
