#!/usr/bin/env python3
"""Helpers for bench/run (standard library only).

Each sub-command does one small thing that is awkward in bash: editing Tomcat's server.xml,
waiting for an HTTP answer with millisecond timing, parsing wrk's output, measuring the heap,
timing an edit until it is live, accounting for CPU time. The report itself is in report.py.
Run with --help for the list.
"""

import argparse
import http.client
import json
import os
import platform
import re
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ in bench/lib
import report  # noqa: E402  (after the line above on purpose)
from report import BUSY_WARNING_PCT, others_percent  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Tomcat configuration


def cmd_tomcat_server_xml(args):
    """Edit a stock server.xml in place: loopback connector on a given port, no shutdown port,
    no access log valve. ElementTree keeps comments with insert_comments=True."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    tree = ET.parse(args.file, parser=parser)
    server = tree.getroot()
    # -1 disables the shutdown port: we stop Tomcat with SIGTERM, and nothing else listens.
    server.set("port", "-1")
    connectors = [
        c
        for c in server.iter("Connector")
        if c.get("protocol", "HTTP/1.1") == "HTTP/1.1" and c.get("SSLEnabled") != "true"
    ]
    if len(connectors) != 1:
        sys.exit(f"expected one plain HTTP/1.1 connector in {args.file}, found {len(connectors)}")
    connectors[0].set("address", args.address)
    connectors[0].set("port", str(args.port))
    for attribute in args.connector_attr or []:
        name, _, value = attribute.partition("=")
        connectors[0].set(name, value)
    for host in server.iter("Host"):
        for valve in list(host.findall("Valve")):
            if valve.get("className", "").endswith("AccessLogValve"):
                host.remove(valve)
    tree.write(args.file, encoding="UTF-8", xml_declaration=True)


# ---------------------------------------------------------------------------------------------
# HTTP


def http_request(url, method="GET", host=None, headers=None, body=None, timeout=10.0, conn=None):
    """One request; returns (status, headers dict with lower-case names, body bytes, conn).
    Pass conn back in to reuse a keep-alive connection."""
    parts = urllib.parse.urlsplit(url)
    if conn is None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    hdrs = dict(headers or {})
    if host:
        hdrs["Host"] = host
    path = parts.path + (("?" + parts.query) if parts.query else "")
    try:
        conn.request(method, path, body=body, headers=hdrs)
        resp = conn.getresponse()
        data = resp.read()
    except (OSError, http.client.HTTPException):
        conn.close()
        raise
    if resp.getheader("Connection", "").lower() == "close":
        conn.close()
        conn = None
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data, conn


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def cmd_wait_http(args):
    """Poll URL until it answers 200 (and, with --expect-body, exactly those bytes). Prints the
    milliseconds elapsed since --since-ns (a `date +%s%N` taken when the server was launched) or
    since this command started. Exits 1 on time-out or if --pid dies first."""
    start_ns = args.since_ns or time.time_ns()
    expected = open(args.expect_body, "rb").read() if args.expect_body else None
    fail = re.compile(args.fail_pattern) if args.fail_log else None
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        # A failed deployment leaves Tomcat up but the application absent: say so at once
        # instead of waiting for the time-out.
        if fail and os.path.exists(args.fail_log):
            with open(args.fail_log, encoding="utf-8", errors="replace") as f:
                m = fail.search(f.read())
            if m:
                sys.exit(f"start-up failed, {args.fail_log} says: {m.group(0)}")
        try:
            status, _, data, _ = http_request(args.url, host=args.host, timeout=2.0)
            if status == 200 and (expected is None or data == expected):
                print(round((time.time_ns() - start_ns) / 1e6))
                return
        except (OSError, http.client.HTTPException):
            pass
        if args.pid and not pid_alive(args.pid):
            sys.exit(f"process {args.pid} exited before {args.url} answered")
        time.sleep(args.interval)
    sys.exit(f"{args.url} did not answer 200 within {args.timeout}s")


def cmd_get_json(args):
    """GET a JSON document (e.g. /api/v1/status) and print it on one line; prints {} when the
    endpoint is missing or not JSON, so that callers can record it unconditionally."""
    headers = {"Accept": "application/json"}
    if args.token:
        headers["Authorization"] = "Bearer " + args.token
    try:
        status, _, data, _ = http_request(args.url, headers=headers)
        doc = json.loads(data) if status == 200 else {}
    except (OSError, http.client.HTTPException, ValueError):
        doc = {}
    print(json.dumps(doc, separators=(",", ":")))


def publish(base, scope, name, token, body):
    """PUT a text file through Placard's API; exits non-zero unless it answers 200 or 201.
    Returns (status, response body)."""
    url = f"{base}/api/v1/hosts/{urllib.parse.quote(scope, safe='*')}/files/{name}"
    status, _, data, _ = http_request(
        url,
        method="PUT",
        headers={
            "Authorization": "Bearer " + token,
            "Content-Type": "text/plain; charset=utf-8",
        },
        body=body,
    )
    if status not in (200, 201):
        sys.exit(f"PUT {url} answered {status}: {data[:500]!r}")
    return status, data


def cmd_put_file(args):
    """PUT a file through Placard's API; exits non-zero unless it answers 200 or 201."""
    body = open(args.body, "rb").read()
    status, data = publish(args.base, args.scope, args.name, args.token, body)
    print(f"{status} {data[:300].decode('utf-8', 'replace')}")


def cmd_edit_latency(args):
    """Time edits until they are live. For each sample: PUT a new policy body for one scope, then
    poll the public URL (keep-alive, --interval apart) until the new body is served. Prints JSON
    with, per sample, put_ms (the PUT round trip), live_ms (from sending the PUT to the first GET
    that returned the new body) and the ETag before/after."""
    get_url = f"{args.base}/.well-known/mta-sts.txt"
    samples = []
    for i in range(args.count):
        body = (
            "version: STSv1\r\nmode: enforce\r\n"
            f"mx: mx.edit.example.net\r\nmax_age: {86400 + i + int(time.time()) % 100000}\r\n"
        ).encode()
        _, before_headers, _, _ = http_request(get_url, host=args.host)
        t0 = time.perf_counter()
        publish(args.base, args.scope, "mta-sts.txt", args.token, body)
        t_put = time.perf_counter()
        conn = None
        polls = 0
        while True:
            status, headers, data, conn = http_request(get_url, host=args.host, conn=conn)
            polls += 1
            if status == 200 and data == body:
                t_live = time.perf_counter()
                break
            if time.perf_counter() - t0 > args.timeout:
                sys.exit(f"edit {i} not live after {args.timeout}s (last status {status})")
            time.sleep(args.interval)
        if conn:
            conn.close()
        samples.append(
            {
                "put_ms": round((t_put - t0) * 1000, 2),
                "live_ms": round((t_live - t0) * 1000, 2),
                "polls": polls,
                "etag_before": before_headers.get("etag"),
                "etag_after": headers.get("etag"),
            }
        )
        time.sleep(0.2)
    print(json.dumps({"samples": samples}, separators=(",", ":")))


# ---------------------------------------------------------------------------------------------
# Heap


def cmd_heap_used(args):
    """Heap in use after full collections: `jcmd PID GC.run` twice (the second collects what the
    first one's finalisation released), then `jstat -gc PID`, whose S0U+S1U+EU+OU columns add up
    to the used heap whatever the collector. Prints bytes."""
    for _ in range(2):
        subprocess.run(["jcmd", str(args.pid), "GC.run"], check=True, capture_output=True)
        time.sleep(0.5)
    out = subprocess.run(
        ["jstat", "-gc", str(args.pid)], check=True, capture_output=True, text=True
    ).stdout.split("\n")
    names, values = out[0].split(), out[1].split()
    col = dict(zip(names, values))
    used_kb = sum(float(col[k]) for k in ("S0U", "S1U", "EU", "OU"))
    print(int(used_kb * 1024))


# ---------------------------------------------------------------------------------------------
# Records: one JSON object a line in RUN_DIR/records.jsonl, the single source of the report.


def parse_value(text):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    if text.startswith(("{", "[")):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def parse_wrk_output(path):
    """The WRK_JSON line written by wrk-report.lua, plus derived figures."""
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"^WRK_JSON (\{.*\})$", text, re.M)
    if not m:
        sys.exit(f"no WRK_JSON line in {path}:\n{text[-2000:]}")
    w = json.loads(m.group(1))
    seconds = w["duration_us"] / 1e6
    socket_errors = sum(w["errors_" + k] for k in ("connect", "read", "write", "timeout"))
    return {
        "rps": round(w["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(w["p50_us"] / 1000, 3),
        "p90_ms": round(w["p90_us"] / 1000, 3),
        "p99_ms": round(w["p99_us"] / 1000, 3),
        "p999_ms": round(w["p999_us"] / 1000, 3),
        "max_ms": round(w["latency_max_us"] / 1000, 3),
        "mean_ms": round(w["latency_mean_us"] / 1000, 3),
        # wrk counts a status error for every response with status >= 400.
        "errors_status": w["errors_status"],
        "errors_socket": socket_errors,
        "errors": w["errors_status"] + socket_errors,
        "requests": w["requests"],
        "seconds": round(seconds, 3),
        "bytes": w["bytes"],
        "wrk": w,
    }


def cmd_record(args):
    rec = {"kind": args.kind, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    for item in args.fields:
        key, _, value = item.partition("=")
        if key == "wrk_output":
            rec.update(parse_wrk_output(value))
        rec[key] = parse_value(value)
    if "cpu_before" in rec and "cpu_after" in rec:
        rec["others_cpu_pct"] = others_percent(rec.pop("cpu_before"), rec.pop("cpu_after"))
    with open(args.file, "a", encoding="utf-8") as f:
        f.write(json.dumps(rec, separators=(",", ":")) + "\n")


# ---------------------------------------------------------------------------------------------
# Machine description


def run_text(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (p.stdout + p.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def cpu_busy_percent(seconds=2.0):
    """Share of all CPUs busy over a short interval, from /proc/stat: measured before the
    benchmark starts anything, it tells whether other work was competing for the machine."""

    def sample():
        with open("/proc/stat", encoding="utf-8") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
        return sum(values), idle

    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except OSError:
        return None
    total = total1 - total0
    return round(100.0 * (1 - (idle1 - idle0) / total), 1) if total else None


def process_tree_ticks(root):
    """CPU ticks used so far by process ROOT and every descendant, live or reaped: utime+stime of
    each live one, plus cutime+cstime (its children that have been waited for). A child's ticks
    move into its parent's cutime when it is reaped, so the sum stays continuous."""
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                # The command name (field 2) may contain spaces: split after its last ')'.
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry)] = (int(fields[1]), sum(int(fields[i]) for i in (11, 12, 13, 14)))
    children = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += stats[pid][1]
            todo.extend(children.get(pid, []))
    return total


def cpu_sample(root):
    """Machine-wide CPU ticks (/proc/stat) and those of our process tree, at one instant.
    "busy" counts only the time charged to processes (user, nice, system): the kernel's interrupt
    and softirq time, where much of the loopback traffic is handled, belongs to no process, and
    counting it would make our own load look like somebody else's."""
    with open("/proc/stat", encoding="utf-8") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal [guest guest_nice: already in user/nice]
    total = sum(values[:8])
    busy = values[0] + values[1] + values[2]
    return {"total": total, "busy": busy, "own": process_tree_ticks(root)}


def cmd_cpu_sample(args):
    """Two samples (start and end of a run, or of one wrk run) tell how much CPU time processes
    other than ours took in between: see others_percent."""
    print(json.dumps(cpu_sample(args.pid), separators=(",", ":")))


def cmd_wait_quiet(args):
    """Wait (up to --max-wait seconds) until processes other than ours use less than --threshold
    percent of the machine over one second. Prints how long it waited; never fails: on time-out
    the run goes on and its record shows the competition."""
    start = time.monotonic()
    while True:
        before = cpu_sample(args.pid)
        time.sleep(1.0)
        pct = others_percent(before, cpu_sample(args.pid))
        waited = time.monotonic() - start - 1.0  # the first sample is not waiting
        if pct is not None and pct < args.threshold:
            print(f"{waited:.0f}")
            return
        if waited >= args.max_wait:
            print(f"{waited:.0f} (still {pct:.0f}% busy)")
            return


def cmd_machine(args):
    info = {"kind": "machine"}
    info["cpu_busy_before_pct"] = cpu_busy_percent()
    try:
        info["loadavg_before"] = open("/proc/loadavg", encoding="utf-8").read().split()[:3]
    except OSError:
        pass
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                info["ram_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
        for line in open("/etc/os-release", encoding="utf-8"):
            if line.startswith("PRETTY_NAME="):
                info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    info["cpu"] = cpu
    info["cores"] = os.cpu_count()
    info["kernel"] = platform.release()
    java = run_text(["java", "-version"]).splitlines()
    info["java"] = " / ".join(java[:2])
    info["tomcat"] = next(
        (
            line.split(":", 1)[1].strip()
            for line in run_text(
                [
                    "java",
                    "-cp",
                    os.path.join(args.catalina_home, "lib", "catalina.jar"),
                    "org.apache.catalina.util.ServerInfo",
                ]
            ).splitlines()
            if line.startswith("Server version")
        ),
        "",
    )
    info["nginx"] = run_text(["nginx", "-v"]).replace("nginx version: ", "")
    info["wrk"] = run_text(["wrk", "-v"]).splitlines()[0].split(" Copyright")[0]
    info["python"] = platform.python_version()
    rev = run_text(["git", "-C", args.repo, "rev-parse", "--short", "HEAD"])
    info["git_commit"] = rev if re.fullmatch(r"[0-9a-f]{4,40}", rev) else "(no commit)"
    info["git_dirty"] = bool(run_text(["git", "-C", args.repo, "status", "--porcelain", "--", "src", "pom.xml", "sql", "webapp"]))
    print(json.dumps(info, separators=(",", ":")))


# ---------------------------------------------------------------------------------------------


def main():
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("tomcat-server-xml")
    s.add_argument("file")
    s.add_argument("--address", required=True)
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--connector-attr", action="append", help="name=value set on the connector")
    s.set_defaults(func=cmd_tomcat_server_xml)

    s = sub.add_parser("wait-http")
    s.add_argument("url")
    s.add_argument("--host")
    s.add_argument("--since-ns", type=int)
    s.add_argument("--timeout", type=float, default=60)
    s.add_argument("--interval", type=float, default=0.01)
    s.add_argument("--pid", type=int)
    s.add_argument("--expect-body")
    s.add_argument("--fail-log", help="give up as soon as this file matches --fail-pattern")
    s.add_argument(
        "--fail-pattern",
        default=r"Placard cannot start[^\n]*|Context \[[^\]]*\] startup failed[^\n]*",
    )
    s.set_defaults(func=cmd_wait_http)

    s = sub.add_parser("get-json")
    s.add_argument("url")
    s.add_argument("--token")
    s.set_defaults(func=cmd_get_json)

    s = sub.add_parser("put-file")
    s.add_argument("--base", required=True)
    s.add_argument("--token", required=True)
    s.add_argument("--scope", required=True)
    s.add_argument("--name", default="mta-sts.txt")
    s.add_argument("--body", required=True)
    s.set_defaults(func=cmd_put_file)

    s = sub.add_parser("edit-latency")
    s.add_argument("--base", required=True)
    s.add_argument("--token", required=True)
    s.add_argument("--scope", required=True)
    s.add_argument("--host", required=True)
    s.add_argument("--count", type=int, default=5)
    s.add_argument("--interval", type=float, default=0.001)
    s.add_argument("--timeout", type=float, default=30)
    s.set_defaults(func=cmd_edit_latency)

    s = sub.add_parser("heap-used")
    s.add_argument("pid", type=int)
    s.set_defaults(func=cmd_heap_used)

    s = sub.add_parser("record")
    s.add_argument("file")
    s.add_argument("kind")
    s.add_argument(
        "fields",
        nargs="*",
        help="key=value (numbers and JSON are parsed); wrk_output=FILE adds wrk's figures",
    )
    s.set_defaults(func=cmd_record)

    s = sub.add_parser("cpu-sample")
    s.add_argument("--pid", type=int, required=True)
    s.set_defaults(func=cmd_cpu_sample)

    s = sub.add_parser("wait-quiet")
    s.add_argument("--pid", type=int, required=True)
    s.add_argument("--max-wait", type=float, required=True)
    s.add_argument("--threshold", type=float, default=BUSY_WARNING_PCT)
    s.set_defaults(func=cmd_wait_quiet)

    s = sub.add_parser("machine")
    s.add_argument("--catalina-home", required=True)
    s.add_argument("--repo", required=True)
    s.set_defaults(func=cmd_machine)

    s = sub.add_parser("show-round")
    s.add_argument("records")
    s.add_argument("round", type=int)
    s.set_defaults(func=report.cmd_show_round)

    s = sub.add_parser("show-wrk")
    s.add_argument("records")
    s.add_argument("caption")
    s.set_defaults(func=report.cmd_show_wrk)

    s = sub.add_parser("show-scale")
    s.add_argument("records")
    s.add_argument("hosts", type=int)
    s.set_defaults(func=report.cmd_show_scale)

    s = sub.add_parser("show-machine")
    s.add_argument("records")
    s.set_defaults(func=report.cmd_show_machine)

    s = sub.add_parser("report")
    s.add_argument("records")
    s.add_argument("--md", required=True)
    s.add_argument("--json", required=True)
    s.add_argument("--console")
    s.set_defaults(func=report.cmd_report)

    args = p.parse_args()
    try:
        args.func(args)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
