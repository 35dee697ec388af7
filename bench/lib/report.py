"""Records and the report of bench/run (standard library only).

Every measurement is one JSON object a line in RUN_DIR/records.jsonl (written by benchtool.py
record); this module turns them into the tables printed during and at the end of a run, and into
bench/results/<timestamp>.md and .json.
"""

import json
import re
import statistics

# Other processes taking more than this share of the machine's CPU time make a figure suspect.
BUSY_WARNING_PCT = 10.0


def load_records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def others_percent(start, end):
    """Share of the machine's CPU time (all cores) used by processes outside our tree."""
    if not (isinstance(start, dict) and isinstance(end, dict)):
        return None
    total = end["total"] - start["total"]
    if total <= 0:
        return None
    others = (end["busy"] - start["busy"]) - (end["own"] - start["own"])
    return round(max(0.0, 100.0 * others / total), 1)


def others_cpu_percent(records):
    """Share of the machine's CPU time used by other processes during the whole run."""
    samples = {r.get("label"): r.get("sample") for r in records if r["kind"] == "cpu"}
    return others_percent(samples.get("start"), samples.get("end"))


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ratio(a, b):
    return a / b if a is not None and b else None


def fmt(value, spec=",.0f", none="–"):
    return none if value is None else format(value, spec)


def table(headers, rows):
    """A Markdown table, readable as plain text too: numeric columns right-aligned."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [
        all(re.fullmatch(r"[-+x]?[\d,.]+|–|median", r[i]) for r in cells[1:]) for i in range(len(headers))
    ]

    def line(r):
        return "| " + " | ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(r, widths, numeric)) + " |"

    sep = "|" + "|".join(("-" * (w + 1) + ":") if n else (":" + "-" * (w + 1)) for w, n in zip(widths, numeric)) + "|"
    return "\n".join([line(cells[0]), sep] + [line(r) for r in cells[1:]])


TARGETS = ("placard", "tomcat-static", "nginx")


def compare_rounds(records):
    """{round: {target: record}} for the comparison mode."""
    rounds = {}
    for r in records:
        if r["kind"] == "wrk" and r.get("phase") == "compare":
            rounds.setdefault(r["round"], {})[r["target"]] = r
    return dict(sorted(rounds.items()))


def round_ratios(by_target):
    p, t, n = (by_target.get(k) for k in TARGETS)
    return {
        "placard_vs_tomcat": ratio(p and p["rps"], t and t["rps"]),
        "placard_vs_nginx": ratio(p and p["rps"], n and n["rps"]),
        "p99_placard_vs_nginx": ratio(p and p["p99_ms"], n and n["p99_ms"]),
    }


def compare_section(records):
    rounds = compare_rounds(records)
    if not rounds:
        return "", {}
    per_target_rows, ratio_rows = [], []
    for rnd, by_target in rounds.items():
        for target in TARGETS:
            r = by_target.get(target)
            if r:
                per_target_rows.append(
                    [
                        rnd,
                        target,
                        fmt(r["rps"]),
                        fmt(r["p50_ms"], ".2f"),
                        fmt(r["p99_ms"], ".2f"),
                        r["errors"],
                        fmt(r.get("others_cpu_pct"), ".0f"),
                    ]
                )
        q = round_ratios(by_target)
        ratio_rows.append(
            [
                rnd,
                fmt(q["placard_vs_tomcat"], ".2f"),
                fmt(q["placard_vs_nginx"], ".2f"),
                fmt(q["p99_placard_vs_nginx"], ".2f"),
            ]
        )
    summary = {"targets": {}, "ratios": {}}
    med_rows = []
    for target in TARGETS:
        rs = [by[target] for by in rounds.values() if target in by]
        if not rs:
            continue
        s = {
            "rps_median": median([r["rps"] for r in rs]),
            "p50_ms_median": median([r["p50_ms"] for r in rs]),
            "p99_ms_median": median([r["p99_ms"] for r in rs]),
            "errors_total": sum(r["errors"] for r in rs),
            "rounds": len(rs),
        }
        summary["targets"][target] = s
        med_rows.append(
            [target, fmt(s["rps_median"]), fmt(s["p50_ms_median"], ".2f"), fmt(s["p99_ms_median"], ".2f"), s["errors_total"]]
        )
    for key in ("placard_vs_tomcat", "placard_vs_nginx", "p99_placard_vs_nginx"):
        summary["ratios"][key + "_median"] = median([round_ratios(b)[key] for b in rounds.values()])
    ratio_rows.append(
        [
            "median",
            fmt(summary["ratios"]["placard_vs_tomcat_median"], ".2f"),
            fmt(summary["ratios"]["placard_vs_nginx_median"], ".2f"),
            fmt(summary["ratios"]["p99_placard_vs_nginx_median"], ".2f"),
        ]
    )
    any_rec = next(iter(next(iter(rounds.values())).values()))
    text = "\n\n".join(
        [
            "## Placard vs Tomcat static vs nginx (one small file, Host: mta-sts.example.com)",
            f"wrk -t{any_rec['threads']} -c{any_rec['connections']} -d{any_rec['duration_s']}s, "
            f"{len(rounds)} interleaved round(s) after a warm-up of each target. "
            "'other CPU %': share of the machine's CPU time that processes other than this benchmark's "
            "used during that run (above 10%, the run was competing with something else).",
            table(["round", "target", "req/s", "p50 ms", "p99 ms", "errors", "other CPU %"], per_target_rows),
            "Medians over the rounds:",
            table(["target", "req/s", "p50 ms", "p99 ms", "errors (sum)"], med_rows),
            "Ratios per round (each ratio uses the same round's runs):",
            table(["round", "req/s Placard/Tomcat-static", "req/s Placard/nginx", "p99 Placard/nginx"], ratio_rows),
        ]
    )
    return text, summary


def scale_section(records):
    scale = sorted((r for r in records if r["kind"] == "scale"), key=lambda r: r["hosts"])
    if not scale:
        return "", {}
    wrk = [r for r in records if r["kind"] == "wrk" and r.get("phase") == "scale"]

    def rps_of(n, which):
        return median([r["rps"] for r in wrk if r["hosts"] == n and r["which"] == which])

    def p99_of(n, which):
        return median([r["p99_ms"] for r in wrk if r["hosts"] == n and r["which"] == which])

    base = next((s for s in scale if s["hosts"] == 1), None)
    base_rps = rps_of(1, "exact") if base else None
    base_heap = base["heap_used_bytes"] if base else None
    rows, summary = [], {}
    for s in scale:
        n = s["hosts"]
        exact, wild = rps_of(n, "exact"), rps_of(n, "wildcard")
        edits = [e["live_ms"] for e in s.get("edits", {}).get("samples", [])]
        heap_mb = s["heap_used_bytes"] / 1048576
        delta = (s["heap_used_bytes"] - base_heap) / 1048576 if base_heap is not None else None
        if delta is not None and abs(delta) < 0.05:
            delta = 0.0  # no "-0.0"
        # GET /api/v1/status right after start-up: lastBuildMillis is the time to build the
        # snapshot's indexes from the rows read (the database read itself is not in it).
        status = s.get("status") or {}
        build_ms = status.get("lastBuildMillis")
        entry = {
            "hosts": n,
            "rps_exact": exact,
            "rps_exact_ratio_to_1": ratio(exact, base_rps),
            "p99_ms_exact": p99_of(n, "exact"),
            "rps_wildcard": wild,
            "rps_wildcard_ratio_to_1": ratio(wild, base_rps),
            "p99_ms_wildcard": p99_of(n, "wildcard"),
            "heap_used_mb": round(heap_mb, 1),
            "heap_over_1_host_mb": None if delta is None else round(delta, 1),
            "ready_healthz_ms": s.get("ready_healthz_ms"),
            "ready_host_ms": s.get("ready_host_ms"),
            "snapshot_build_ms": build_ms,
            "snapshot_files": status.get("files"),
            "edit_live_ms_median": median(edits),
            "edit_live_ms_max": max(edits) if edits else None,
            "generate_s": s.get("generate_s"),
            # Over the start-up (ready times) and every wrk run of this N.
            "others_cpu_pct_max": max(
                [s.get("others_cpu_pct") or 0] + [r.get("others_cpu_pct") or 0 for r in wrk if r["hosts"] == n]
            ),
        }
        summary[str(n)] = entry
        rows.append(
            [
                f"{n:,}",
                fmt(exact),
                fmt(entry["rps_exact_ratio_to_1"], ".2f"),
                fmt(wild),
                fmt(entry["rps_wildcard_ratio_to_1"], ".2f"),
                fmt(entry["p99_ms_exact"], ".2f"),
                fmt(heap_mb, ".1f"),
                fmt(delta, "+.1f"),
                fmt(entry["ready_healthz_ms"]),
                fmt(entry["ready_host_ms"]),
                fmt(build_ms),
                fmt(entry["edit_live_ms_median"], ".1f"),
                fmt(entry["edit_live_ms_max"], ".1f"),
                fmt(entry["others_cpu_pct_max"], ".0f"),
            ]
        )
    any_wrk = wrk[0] if wrk else {}
    text = "\n\n".join(
        [
            "## Scale: Placard with N configured hosts",
            "~80% exact scopes (mta-sts.d<i>.example.net), ~20% wildcard scopes (*.w<i>.example.org), "
            "one mta-sts.txt each, written straight into the H2 database while Tomcat was stopped. "
            f"req/s: wrk -t{any_wrk.get('threads')} -c{any_wrk.get('connections')} -d{any_wrk.get('duration_s')}s "
            "on one host inside the set (exact, and one matched by a wildcard scope), ratio to the 1-host req/s. "
            "Heap: used heap after two full GCs (jcmd GC.run, jstat -gc), and its growth over the 1-host run. "
            "Ready: from launching Tomcat to the first 200 on /healthz, and to the first correct answer for the "
            "measured host. Edit live: PUT of a new body until the public URL serves it (median and max).",
            table(
                [
                    "hosts",
                    "req/s exact",
                    "ratio",
                    "req/s wildcard",
                    "ratio",
                    "p99 ms exact",
                    "heap MB",
                    "vs 1 host MB",
                    "ready /healthz ms",
                    "ready host ms",
                    "snapshot build ms",
                    "edit live ms",
                    "edit max ms",
                    "other CPU % (max)",
                ],
                rows,
            ),
        ]
    )
    return text, summary


def startup_section(records):
    runs = [r for r in records if r["kind"] == "startup"]
    if not runs:
        return "", {}
    values = [r["ready_ms"] for r in runs]
    others = [r.get("others_cpu_pct") for r in runs]
    summary = {
        "runs_ms": values,
        "median_ms": median(values),
        "min_ms": min(values),
        "max_ms": max(values),
        "others_cpu_pct": others,
    }
    text = "\n\n".join(
        [
            "## Start-up: `java -jar placard.war`",
            "From launching the JVM (fresh placard.home each run, so the H2 database and its schema are "
            "created) to the first 200 on /healthz.",
            table(
                ["runs", "median ms", "min ms", "max ms", "all runs ms", "other CPU % per run"],
                [
                    [
                        len(values),
                        fmt(summary["median_ms"]),
                        fmt(summary["min_ms"]),
                        fmt(summary["max_ms"]),
                        ", ".join(fmt(v) for v in values),
                        ", ".join(fmt(v, ".0f") for v in others),
                    ]
                ],
            ),
        ]
    )
    return text, summary


def machine_section(records):
    m = next((r for r in records if r["kind"] == "machine"), None)
    if not m:
        return ""
    others = others_cpu_percent(records)
    rows = [
        ["CPU", f"{m.get('cpu')} ({m.get('cores')} cores)"],
        ["RAM", f"{m.get('ram_gib')} GiB"],
        ["OS / kernel", f"{m.get('os', '')} / {m.get('kernel')}"],
        ["Java", m.get("java")],
        ["Tomcat", m.get("tomcat")],
        ["nginx", m.get("nginx")],
        ["wrk", m.get("wrk")],
        ["Placard", f"commit {m.get('git_commit')}{' + uncommitted changes' if m.get('git_dirty') else ''}"],
        ["CPU busy before the run", f"{fmt(m.get('cpu_busy_before_pct'), '.1f')}% (load average {' '.join(m.get('loadavg_before', []))})"],
        ["CPU used by other processes during the run", f"{fmt(others, '.1f')}% of the machine"],
    ]
    text = "## Machine\n\n" + table(["item", "value"], rows)
    if (m.get("cpu_busy_before_pct") or 0) > BUSY_WARNING_PCT:
        text += "\n\n" + busy_warning(m)
    if (others or 0) > BUSY_WARNING_PCT:
        text += (
            f"\n\n**Warning:** other processes used {others:.0f}% of the machine's CPU time while this "
            "run was measuring: its figures are skewed by competition for the CPUs."
        )
    return text


def busy_warning(m):
    return (
        f"**Warning:** the CPUs were {m['cpu_busy_before_pct']:.0f}% busy with other work just before the run "
        "started: this run's figures were measured while something else competed for the machine."
    )


def others_note(r):
    pct = r.get("others_cpu_pct")
    return f"  (other processes took {pct:.0f}% of the CPU)" if pct and pct > BUSY_WARNING_PCT else ""


def cmd_show_round(args):
    """Print one comparison round as soon as it is measured."""
    rounds = compare_rounds(load_records(args.records))
    by_target = rounds.get(args.round, {})
    for target in TARGETS:
        r = by_target.get(target)
        if r:
            print(
                f"  round {args.round} {target:<14} {r['rps']:>10,.0f} req/s  p50 {r['p50_ms']:6.2f} ms"
                f"  p99 {r['p99_ms']:6.2f} ms  errors {r['errors']}{others_note(r)}"
            )
    q = round_ratios(by_target)
    print(
        f"  round {args.round} ratios: Placard/Tomcat-static {fmt(q['placard_vs_tomcat'], '.2f')}, "
        f"Placard/nginx {fmt(q['placard_vs_nginx'], '.2f')}, p99 Placard/nginx {fmt(q['p99_placard_vs_nginx'], '.2f')}"
    )


def cmd_show_wrk(args):
    """Print the last wrk run recorded, with a caption."""
    r = [x for x in load_records(args.records) if x["kind"] == "wrk"][-1]
    print(
        f"{args.caption}: {r['rps']:,.0f} req/s  p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms"
        f"  errors {r['errors']}{others_note(r)}"
    )


def cmd_show_scale(args):
    """Print the figures of one scale step as soon as it is measured."""
    records = load_records(args.records)
    _, summary = scale_section(records)
    e = summary.get(str(args.hosts))
    if not e:
        return
    print(
        f"  {args.hosts:,} hosts: exact {fmt(e['rps_exact'])} req/s (x{fmt(e['rps_exact_ratio_to_1'], '.2f')} of 1 host),"
        f" wildcard {fmt(e['rps_wildcard'])} req/s, heap {fmt(e['heap_used_mb'], '.1f')} MB"
        f" ({fmt(e['heap_over_1_host_mb'], '+.1f')} MB over 1 host), ready {fmt(e['ready_host_ms'])} ms,"
        f" edit live in {fmt(e['edit_live_ms_median'], '.1f')} ms (median)"
    )


def cmd_show_machine(args):
    """Print the machine description at the start of a run, with a warning if it is busy."""
    m = next((r for r in load_records(args.records) if r["kind"] == "machine"), {})
    print(
        f"machine: {m.get('cpu')} x{m.get('cores')}, {m.get('ram_gib')} GiB, kernel {m.get('kernel')}; "
        f"{m.get('java')}; {m.get('tomcat')}; nginx {m.get('nginx')}; {m.get('wrk')}"
    )
    print(
        f"CPU busy before the run: {fmt(m.get('cpu_busy_before_pct'), '.1f')}% "
        f"(load average {' '.join(m.get('loadavg_before', []))})"
    )
    if (m.get("cpu_busy_before_pct") or 0) > BUSY_WARNING_PCT:
        print(busy_warning(m).replace("**", ""))


def rounded(node):
    """The same structure with floats rounded to 3 decimals (medians of medians carry noise)."""
    if isinstance(node, dict):
        return {k: rounded(v) for k, v in node.items()}
    if isinstance(node, list):
        return [rounded(v) for v in node]
    return round(node, 3) if isinstance(node, float) else node


def cmd_report(args):
    """Print the summary, then write RESULTS.md (summary + full console log) and RESULTS.json."""
    records = load_records(args.records)
    config = next((r for r in records if r["kind"] == "config"), {})
    parts, summary = [], {}
    for name, section in (("compare", compare_section), ("scale", scale_section), ("startup", startup_section)):
        text, s = section(records)
        if text:
            parts.append(text)
            summary[name] = s
    machine = machine_section(records)
    if machine:
        parts.append(machine)
    body = "\n\n".join(parts)
    print(body)

    title = f"# Placard benchmark {config.get('timestamp', '')}"
    command = f"Command: `{config.get('command', 'bench/run')}`"
    console = open(args.console, encoding="utf-8", errors="replace").read() if args.console else ""
    with open(args.md, "w", encoding="utf-8") as f:
        f.write(f"{title}\n\n{command}\n\n{body}\n\n## Full console output\n\n```text\n{console}\n```\n")
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(
            {
                "config": config,
                "machine": next((r for r in records if r["kind"] == "machine"), {}),
                "summary": rounded(summary),
                "cpu_used_by_others_pct": others_cpu_percent(records),
                "records": [r for r in records if r["kind"] not in ("config", "machine")],
            },
            f,
            indent=2,
        )
        f.write("\n")
