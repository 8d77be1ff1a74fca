#!/usr/bin/env python3
"""Makes a long evidence log for bench/run.sh (P5, `rollforward history`). Standard library only.

Reads the records of one real check of one route on stdin (what `rollforward check` prints: its
attempt records, then its verdict record) and writes --records records on stdout: that check
repeated for --routes routes, one check a minute per route in time order, with the check id,
route label, start time and, now and then, the verdict (and the happy path's status class)
changed, so that `history` has steps to report.

usage: evidence_log.py --records N --routes R < records.jsonl > evidence.jsonl
"""

import argparse
import datetime
import json
import sys

# Every 7th check of a route holds (a 503 after retries), every 13th stays: some changes to show.
OUTCOMES = ((13, "stay", "5xx", ["happy-path:server_error"]), (7, "hold", "4xx", ["happy-path:rate_limited"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, required=True)
    ap.add_argument("--routes", type=int, required=True)
    args = ap.parse_args()
    template = [json.loads(line) for line in sys.stdin if line.strip()]
    if not any(r.get("record") == "verdict" for r in template):
        sys.exit("evidence_log.py: no verdict record on stdin")
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    out = sys.stdout
    written = check = 0
    while written < args.records:
        at = start + datetime.timedelta(minutes=check)
        decision, status_class, reasons = "promote", "2xx", []
        for every, d, c, why in OUTCOMES:
            if check % every == every - 1:
                decision, status_class, reasons = d, c, why
                break
        for route in range(args.routes):
            label = "route-%03d" % route
            for record in template:
                if written == args.records:
                    break
                r = dict(record)
                r["check_id"] = "bench-check-%06d" % check
                r["route_label"] = label
                r["started_at"] = at.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (route % 1000)
                if r.get("record") == "verdict" or r.get("phase") == "happy-path":
                    r["fallback_decision"] = decision
                    r["operator_result"] = "pass" if decision == "promote" else "fail"
                    r["http_status_class"] = status_class
                    r["reasons"] = reasons
                out.write(json.dumps(r, separators=(",", ":")) + "\n")
                written += 1
        check += 1


if __name__ == "__main__":
    main()
