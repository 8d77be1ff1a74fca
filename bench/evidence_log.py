#!/usr/bin/env python3
"""Writes an evidence log of LINES lines for bench/run.sh (P5), from one real check's records.

usage: evidence_log.py TEMPLATE OUT LINES ROUTES LAST_LABEL
  TEMPLATE    a check's records for one route (its attempts, then its verdict), as rollforward wrote them
  LINES       lines to write, at least (whole routes: rounded up to a multiple of the template's line count)
  ROUTES      how many route labels the checks cycle through (fleet-000, fleet-001, ...)
  LAST_LABEL  the route checked last (the one the bench then checks again): its verdict is the log's last

Each check gets its own check_id and started_at (a minute apart), so history has a real time line.
"""
import json
import sys
from datetime import datetime, timedelta, timezone

template_path, out_path, lines, routes, last_label = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
template = [json.loads(l) for l in open(template_path, encoding="utf-8") if l.strip()]
checks = -(-lines // len(template))
start = datetime(2026, 1, 1, tzinfo=timezone.utc)
with open(out_path, "w", encoding="utf-8") as out:
    for i in range(checks):
        label = last_label if i == checks - 1 else "fleet-%03d" % (i % routes)
        when = (start + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for record in template:
            r = dict(record)
            r["check_id"] = "nightly-%05d" % (i // routes)
            r["route_label"] = label
            r["started_at"] = when
            if "previous" in r:
                r["previous"] = None
            out.write(json.dumps(r, separators=(",", ":")) + "\n")
