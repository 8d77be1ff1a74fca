#!/usr/bin/env bash
# rollforward's benchmark (issue 5, part 3). Runs on a fresh machine after the README's set-up
# (a JDK 17+, Maven for the first build): builds the jar when needed, starts its own loopback
# upstreams, measures, and writes bench/RESULTS.md. It installs nothing; it says what is missing.
#
#   P1  a healthy check: bin/rollforward vs the same jar as plain `java -jar` vs curl+jq
#   P2  requests counted at the upstream under persistent 503, 429 (with and without
#       Retry-After), 401, 400 and a gateway that reports its own retries
#   P3  time to verdict against an upstream that never answers, vs 2 x request_ms
#   P4  200 routes, --all --concurrency 8, against an upstream answering after 300 ms:
#       wall time vs ceil(200/8) x 2 x 0.3 s, peak RSS vs a single check's
#   P5  a 100k-line evidence log: a check with --evidence-log on it (the route checked last,
#       and a route never checked) vs on an empty log; history and history --json on it
#       (wall time, peak RSS) vs history of a one-check log and jq over the same file
#
# usage: bench/run.sh
#   BENCH_RUNS=15            timed runs per command in P1 (medians are reported)
#   BENCH_JAVA_HOMES="..."   JDKs to measure P1 and P4 with (default: the one bin/rollforward uses)
#   BENCH_TIMER=loop         use the bash loop even when hyperfine is installed
#   BENCH_OUT=FILE           where to write the report (default bench/RESULTS.md)
#   BENCH_PARTS="P1 ... P5"  the parts to run (default all; with fewer, set BENCH_OUT elsewhere)
# Not part of `mvn verify`: timings depend on the machine.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
launcher="$repo/bin/rollforward"
jar="$repo/target/rollforward.jar"
runs="${BENCH_RUNS:-15}"
out="${BENCH_OUT:-$bench/RESULTS.md}"
KEY=sk-sandbox-canary-0000000000000000   # the sandbox's published fake canary key

say() { printf 'bench: %s\n' "$*" >&2; }
parts="${BENCH_PARTS:-P1 P2 P3 P4 P5}"
part() { [[ " $parts " == *" $1 "* ]]; }

# ---- what is needed -----------------------------------------------------------------------
missing=()
java_cmd=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_cmd="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then java_cmd="$(command -v java)"
else missing+=("a JDK 17+ (java on PATH or JAVA_HOME; Debian: apt-get install -y openjdk-17-jdk-headless)"); fi
command -v python3 >/dev/null 2>&1 || missing+=("python3 (the slow upstream; apt-get install -y python3)")
command -v curl >/dev/null 2>&1 || missing+=("curl (apt-get install -y curl)")
command -v jq >/dev/null 2>&1 || missing+=("jq (apt-get install -y jq)")
[ -f "$jar" ] || command -v mvn >/dev/null 2>&1 || missing+=("Maven, to build the jar (apt-get install -y maven)")
if [ "${#missing[@]}" -gt 0 ]; then
  say "missing, please install:"; printf '  - %s\n' "${missing[@]}" >&2; exit 1
fi
timer=loop
if [ "${BENCH_TIMER:-}" != loop ] && command -v hyperfine >/dev/null 2>&1; then timer=hyperfine
else say "hyperfine not used (optional: apt-get install -y hyperfine); timing with a bash loop"; fi
gnu_time=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then gnu_time=/usr/bin/time
else say "GNU time not found (apt-get install -y time): peak RSS is read with python3's wait4 instead"; fi

java_home_of() { local j; j="$(readlink -f "$1")"; echo "${j%/bin/java}"; }
read -r -a jdks <<< "${BENCH_JAVA_HOMES:-$(java_home_of "$java_cmd")}"
for jh in "${jdks[@]}"; do
  [ -x "$jh/bin/java" ] || { say "no java in $jh (BENCH_JAVA_HOMES)"; exit 1; }
done
jdk_name() { "$1/bin/java" -version 2>&1 | head -1 | sed 's/"//g'; }
jdk_feature() { local v; v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)"; echo "${v:-0}"; }

# ---- work area, servers, clean-up -------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/rollforward-bench.XXXXXX")"
pids=()
cleanup() {
  local p
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  for p in ${pids[@]+"${pids[@]}"}; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "building the jar if needed"
JAVA_HOME="${jdks[0]}" ROLLFORWARD_NO_CDS=1 "$launcher" --version >/dev/null

# start_sandbox MODE: sets sandbox_url and sandbox_pid. The servers do not use the bench's
# archive cache, so they leave the state the measurements start from alone.
start_sandbox() {
  local log="$work/sandbox-$1.log" i
  JAVA_HOME="${jdks[0]}" ROLLFORWARD_NO_CDS=1 "$launcher" sandbox --port 0 --mode "$1" 2> "$log" > /dev/null &
  sandbox_pid=$!; pids+=("$sandbox_pid")
  for i in $(seq 1 300); do
    sandbox_url="$(sed -n 's/.*base URL: *\(http[^ ]*\).*/\1/p' "$log")"
    [ -n "$sandbox_url" ] && return 0
    kill -0 "$sandbox_pid" 2>/dev/null || break
    sleep 0.1
  done
  say "the sandbox (mode $1) did not start:"; cat "$log" >&2; exit 1
}
stop_sandbox() { kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; }

start_upstream() {
  local log="$work/upstream.log" i
  python3 "$bench/slow_upstream.py" --port 0 --latency-ms 300 --key "$KEY" > "$log" 2>&1 &
  upstream_pid=$!; pids+=("$upstream_pid")
  for i in $(seq 1 100); do
    upstream_url="$(sed -n 's/^listening on \(http[^ ]*\)$/\1/p' "$log")"
    [ -n "$upstream_url" ] && return 0
    sleep 0.1
  done
  say "the slow upstream did not start:"; cat "$log" >&2; exit 1
}

# route LABEL BASE_URL [REQUEST_MS] [RETRY] [EXPECT]: one route of a config
retry1='{max_retries: 1, base_delay_ms: 250, max_delay_ms: 2000, max_retry_after_ms: 5000}'
route() {
  echo "  - label: $1"
  echo "    base_url: $2"
  echo "    request_family: chat"
  echo "    model: gpt-4o-mini"
  echo "    credential_env: ROLLFORWARD_SANDBOX_KEY"
  echo "    headers: {X-Route-Label: $1}"
  echo "    timeouts: {connect_ms: 2000, request_ms: ${3:-5000}}"
  echo "    retry: ${4:-$retry1}"
  if [ -n "${5:-}" ]; then echo "    expect: $5"; fi
}

# ---- timing helpers ---------------------------------------------------------------------------
now_ms() { local t; t="$(date +%s%N)"; echo $((t / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NaN"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# time_commands NAME=COMMAND...: median wall ms of each, into medians[NAME]. Commands are run
# with their output discarded; each must exit 0.
declare -A medians
time_commands() {
  local spec name cmd i
  if [ "$timer" = hyperfine ]; then
    local args=() json="$work/hyperfine.json"
    for spec in "$@"; do args+=(-n "${spec%%=*}" "${spec#*=}"); done
    hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$json" "${args[@]}" >/dev/null 2>&1 \
      || hyperfine --style none --warmup 3 --runs "$runs" --export-json "$json" "${args[@]}" >/dev/null
    while IFS=$'\t' read -r name cmd; do medians[$name]="$cmd"; done \
      < <(jq -r '.results[] | [.command, (.median * 1000 | round | tostring)] | @tsv' "$json")
  else
    # Round robin, so that a slow spell of the machine hurts every command alike.
    for spec in "$@"; do : > "$work/t-${spec%%=*}"; for i in 1 2; do eval "${spec#*=}" >/dev/null 2>&1; done; done
    for _ in $(seq 1 "$runs"); do
      for spec in "$@"; do
        i="$(now_ms)"; eval "${spec#*=}" >/dev/null 2>&1 || { say "failed: ${spec#*=}"; exit 1; }
        echo $(( $(now_ms) - i )) >> "$work/t-${spec%%=*}"
      done
    done
    for spec in "$@"; do medians[${spec%%=*}]="$(median < "$work/t-${spec%%=*}")"; done
  fi
}

# measure CMD...: runs once; sets m_wall_ms, m_rss_kb, m_cpu_ms (user + system), m_code
# (stdout to $work/out, stderr to $work/err)
measure() {
  if [ -n "$gnu_time" ]; then
    local t0; t0="$(now_ms)"; m_code=0
    "$gnu_time" -v -o "$work/time" "$@" > "$work/out" 2> "$work/err" || m_code=$?
    m_wall_ms=$(( $(now_ms) - t0 ))
    m_rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")"
    m_cpu_ms="$(awk -F': ' '/(User|System) time \(seconds\)/ { t += $2 } END { printf "%d", t * 1000 }' "$work/time")"
    if grep -q 'Command exited with non-zero status' "$work/time"; then
      m_code="$(sed -n 's/.*Command exited with non-zero status //p' "$work/time")"
    fi
  else
    read -r m_code m_wall_ms m_rss_kb m_cpu_ms < <(python3 - "$@" 3>&1 > "$work/out" 2> "$work/err" <<'PY'
import os, subprocess, sys, time
t = time.monotonic()
p = subprocess.Popen(sys.argv[1:], stdout=sys.stdout, stderr=sys.stderr)
_, status, ru = os.wait4(p.pid, 0)
os.write(3, b"%d %d %d %d\n" % (os.waitstatus_to_exitcode(status), (time.monotonic() - t) * 1000, ru.ru_maxrss,
                                (ru.ru_utime + ru.ru_stime) * 1000))
PY
)
  fi
}

# await_archive CACHE: waits for the launcher's background training run; prints the ms waited.
await_archive() {
  local dir="$1/rollforward" t0 i; t0="$(now_ms)"
  for i in $(seq 1 1200); do
    if compgen -G "$dir/rollforward-*.[ja][so][at]" >/dev/null && ! compgen -G "$dir/.*.lock" >/dev/null; then
      echo $(( $(now_ms) - t0 )); return 0
    fi
    sleep 0.1
  done
  echo NaN
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "NaN"; else printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 <= b + 0) }'; }
verdict() { if le "$1" "$2"; then echo "**met**"; else echo "**not met**"; fi; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }

export ROLLFORWARD_SANDBOX_KEY="$KEY"
load_start="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
report="$work/report.md"
summary="$work/summary.md"
: > "$report"; : > "$summary"
r() { printf '%s\n' "$@" >> "$report"; }
s() { printf '%s\n' "$@" >> "$summary"; }

startup_ms=NaN
primary="${jdks[0]}"
# =============================================================================================
if part P1; then
say "P1: a healthy check (sandbox, one chat route: two requests)"
start_sandbox healthy
p1_url="$sandbox_url"
{ echo "routes:"; route bench-chat "$p1_url" 5000 "$retry1" \
    "{upstream_header: {name: X-Upstream, value: sandbox}, route_label_header: X-Route-Label}"; } > "$work/p1.yaml"
curl_cmd="env ROUTE_LABEL=bench-chat $bench/curl-check.sh $p1_url"
"$bench/curl-check.sh" "$p1_url" >/dev/null 2>&1 || true   # the sandbox's own first-request warm-up
r "## P1: a healthy check"
r "" "One chat route through the sandbox (\`rollforward sandbox --mode healthy\`, loopback): a happy-path"
r "and an error-path request, records on stdout, \`--quiet\`. Medians of $runs runs after 3 warm-ups ($timer)."
r "\`plain java -jar\` is \`java -jar target/rollforward.jar check ...\` with no flags; \`launcher\` is"
r "\`bin/rollforward check ...\` with its start-up archive in place; \`java -version\` and \`--version\` split the"
r "time into the JVM's own start, the application's start (picocli, before any check work) and the check." ""
r "| JDK | java -version | launcher --version | launcher, no archive | **launcher** | plain java -jar | curl+jq | launcher / plain (≤ 0.55) | launcher / curl+jq (≤ 3) | first run, no archive yet | archive made in |"
r "|---|---|---|---|---|---|---|---|---|---|---|"
declare -A p1_launcher
limits=()
for jh in "${jdks[@]}"; do
  f="$(jdk_feature "$jh")"
  cache="$work/cache-$f"
  say "  JDK $f: first run (makes the archive in the background)"
  t0="$(now_ms)"
  JAVA_HOME="$jh" XDG_CACHE_HOME="$cache" "$launcher" check --config "$work/p1.yaml" --quiet > "$work/p1-first.out"
  first_ms=$(( $(now_ms) - t0 ))
  made_ms="$(await_archive "$cache")"
  grep -q '"fallback_decision":"promote"' "$work/p1-first.out" || { say "P1 check did not promote"; cat "$work/p1-first.out" >&2; exit 1; }
  say "  JDK $f: timing"
  export JAVA_HOME="$jh" XDG_CACHE_HOME="$cache"
  time_commands \
    "jvm=$jh/bin/java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version" \
    "version=$launcher --version" \
    "nocds=env ROLLFORWARD_NO_CDS=1 $launcher check --config $work/p1.yaml --quiet" \
    "launcher=$launcher check --config $work/p1.yaml --quiet" \
    "plain=$jh/bin/java -jar $jar check --config $work/p1.yaml --quiet" \
    "curl=$curl_cmd"
  unset JAVA_HOME XDG_CACHE_HOME
  l="${medians[launcher]}"; p="${medians[plain]}"; c="${medians[curl]}"
  p1_launcher[$jh]="$l"
  reach=""
  if [ $(( 3 * ${c%.*} )) -lt "${medians[version]%.*}" ]; then
    reach=", less than the application's start alone: no JVM flag or archive gets there, only trimming the Java code's start-up can"
  fi
  limits+=("- **P1, JDK $f**: of the launcher's $l ms, ${medians[jvm]} ms is the JVM's own start (\`java -version\`),
  $(( ${medians[version]%.*} - ${medians[jvm]%.*} )) ms the application's start before any check work (\`rollforward --version\`: mostly
  picocli building its command model by reflection over every subcommand, from pre-Java-6 class files that
  JDK 25's AOT cache skips and JDK 17's static archive holds but cannot pre-link), and $(( ${l%.*} - ${medians[version]%.*} )) ms the check itself (YAML config through
  Jackson, an OkHttp client that sets up TLS even for http:// routes, two loopback round trips, response bodies
  parsed by Jackson databind). curl+jq takes $c ms in all; 3 × that is $(( 3 * ${c%.*} )) ms$reach. Without the archive
  the launcher takes ${medians[nocds]} ms, so the archive saves $(( ${medians[nocds]%.*} - ${l%.*} )) ms and the flags $(( ${p%.*} - ${medians[nocds]%.*} )) ms against plain \`java -jar\`.")
  rp="$(ratio "$l" "$p")"; rc="$(ratio "$l" "$c")"
  r "| $f | ${medians[jvm]} ms | ${medians[version]} ms | ${medians[nocds]} ms | **$l ms** | $p ms | $c ms | $rp $(verdict "$rp" 0.55) | $rc $(verdict "$rc" 3) | $first_ms ms | $made_ms ms |"
  s "| P1 JDK $f: launcher ≤ 0.55 × plain java -jar | $l ms vs $p ms = $rp | $(verdict "$rp" 0.55) |"
  s "| P1 JDK $f: launcher ≤ 3 × curl+jq | $l ms vs $c ms = $rc | $(verdict "$rc" 3) |"
done
stop_sandbox
startup_ms="${p1_launcher[$primary]}"
fi

upstream_url=""
# =============================================================================================
if part P2; then
say "P2: requests counted at the upstream"
start_upstream
retry2='{max_retries: 2, base_delay_ms: 50, max_delay_ms: 200, max_retry_after_ms: 5000}'
r "" "## P2: requests counted at the upstream" ""
r "One chat route, \`retry: $retry2\`, checked once through \`bin/rollforward\` (JDK $(jdk_feature "$primary"));"
r "2 attempts (happy path, error path). Counted by the server itself: the bench's upstream"
r "(\`bench/slow_upstream.py\`, its \`/_stats\` counter) and the project's sandbox (its request counter,"
r "read back from the \`x-request-id: req_sandbox_N\` of one probe request afterwards)." ""
r "| upstream | answers | expected sends | counted | exit | verdict reasons | |"
r "|---|---|---|---|---|---|---|"
p2_ok=0; p2_total=0
p2_row() { # SERVER ANSWERS EXPECTED COUNTED
  local ok; p2_total=$((p2_total + 1))
  if [ "$4" = "$3" ]; then ok="**exact**"; p2_ok=$((p2_ok + 1)); else ok="**off by $(( $4 - $3 ))**"; fi
  local reasons; reasons="$(jq -r 'select(.record == "verdict") | .reasons | join(", ")' "$work/out" 2>/dev/null | head -1)"
  r "| $1 | $2 | $3 | $4 | $m_code | ${reasons:-none} | $ok |"
}
for spec in "503:persistent 503:6" "429:429, no Retry-After:2" "429ra:429, Retry-After: 1:6" "401:401, canary refused too:2" \
            "400:400 invalid_request_error:2" "gateway:503 + x-litellm-attempted-retries: 2:2"; do
  mode="${spec%%:*}"; rest="${spec#*:}"; what="${rest%:*}"; expected="${rest##*:}"
  { echo "routes:"; route "p2-$mode" "$upstream_url/$mode/v1" 10000 "$retry2"; } > "$work/p2.yaml"
  curl -fsS -X POST "$upstream_url/_reset" >/dev/null
  JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" measure "$launcher" check --config "$work/p2.yaml" --quiet
  counted="$(curl -fsS "$upstream_url/_stats" | jq --arg m "$mode" '.[$m] // 0')"
  p2_row "bench upstream" "$what" "$expected" "$counted"
done
for spec in "overloaded:persistent 503:6" "rate-limited:429, Retry-After: 1:6" "quota-exhausted:429 insufficient_quota:2" \
            "gateway-retries:503 + x-portkey-retry-attempt-count: -1; 401 + x-litellm-attempted-retries: 2:2" "healthy/wrong-key:401, canary refused:2"; do
  mode="${spec%%:*}"; rest="${spec#*:}"; what="${rest%:*}"; expected="${rest##*:}"
  start_sandbox "${mode%%/*}"
  { echo "routes:"; route "p2-${mode%%/*}" "$sandbox_url" 10000 "$retry2"; } > "$work/p2.yaml"
  key="$KEY"; [ "$mode" = healthy/wrong-key ] && key=sk-wrong-bench-key
  ROLLFORWARD_SANDBOX_KEY="$key" JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" \
    measure "$launcher" check --config "$work/p2.yaml" --quiet
  probe="$(curl -sS -D - -o /dev/null "$sandbox_url/models" | tr -d '\r' | sed -n 's/^x-request-id: req_sandbox_//Ip')"
  stop_sandbox
  p2_row "sandbox \`$mode\`" "$what" "$expected" "$(( probe - 1 ))"
done
r "" "Expected: \`attempts × (1 + max_retries)\` = 6 under a persistent 503 and under a 429 whose Retry-After (1 s)"
r "is within \`max_retry_after_ms\`; one send per attempt (2) for 401, 400, a 429 without Retry-After or with"
r "\`insufficient_quota\`; and no client resend on top of a gateway that reports its own retries (2)."
s "| P2: sends = expected, exactly | $p2_ok of $p2_total cases exact | $( [ "$p2_ok" = "$p2_total" ] && echo '**met**' || echo '**not met**') |"
fi

# =============================================================================================
if part P3; then
say "P3: time to verdict against an upstream that never answers"
start_sandbox hang
request_ms=2000
{ echo "routes:"; route p3-hang "$sandbox_url" "$request_ms"; } > "$work/p3.yaml"
: > "$work/t-p3"
for i in 1 2 3; do
  JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" measure "$launcher" check --config "$work/p3.yaml" --quiet
  echo "$m_wall_ms" >> "$work/t-p3"; p3_code="$m_code"
done
stop_sandbox
p3="$(median < "$work/t-p3")"
p3_target="$(awk -v r="$request_ms" -v s="$startup_ms" 'BEGIN { printf "%d", (2 * r + s) * 1.10 }')"
p3_reasons="$(jq -r 'select(.record == "verdict") | .reasons | join(", ")' "$work/out" | head -1)"
r "" "## P3: time to verdict against a hanging upstream" ""
r "The sandbox in \`hang\` mode (accepts, never answers); \`request_ms: $request_ms\`, \`max_retries: 1\`; median of 3"
r "runs through \`bin/rollforward\`. Target: (2 × request_ms + start-up) + 10%, start-up being P1's launcher median"
r "($startup_ms ms, a whole healthy check)." ""
r "| time to verdict | 2 × request_ms | target | exit | verdict reasons | |"
r "|---|---|---|---|---|---|"
r "| $p3 ms | $((2 * request_ms)) ms | ≤ $p3_target ms | $p3_code | ${p3_reasons:-none} | $(verdict "$p3" "$p3_target") |"
limits+=("- **P3**: the verdict came $p3 ms after the start: 2 × request_ms = $((2 * request_ms)) ms for the two attempts (each ends at
  its own request_ms; no resend is started that could not finish within it) and $((p3 - 2 * request_ms)) ms more, against a
  start-up (a whole healthy check) of $startup_ms ms.")
s "| P3: ≤ (2 × request_ms + start-up) + 10% | $p3 ms vs ≤ $p3_target ms | $(verdict "$p3" "$p3_target") |"
fi

# =============================================================================================
if part P4; then
say "P4: 200 routes, --all --concurrency 8, 300 ms upstream latency"
[ -n "$upstream_url" ] || start_upstream
routes=200; conc=8
{ echo "routes:"; for i in $(seq -w 1 "$routes"); do route "fleet-$i" "$upstream_url/slow/v1" 10000; done; } > "$work/p4.yaml"
{ echo "routes:"; route fleet-one "$upstream_url/slow/v1" 10000; } > "$work/p4-one.yaml"
# ceil(routes / conc) waves of two 300 ms round trips
# shellcheck disable=SC2017
ideal_ms=$(( (routes + conc - 1) / conc * 2 * 300 ))
r "" "## P4: a fleet of routes" ""
r "$routes chat routes, \`check --all --concurrency $conc --quiet\` through \`bin/rollforward\`, against the bench's"
r "upstream answering every request after 300 ms. Ideal: ceil($routes/$conc) × 2 × 0.3 s = $(secs "$ideal_ms") (no"
rss_tool="python3's wait4"; [ -n "$gnu_time" ] && rss_tool="\`/usr/bin/time -v\`"
r "start-up counted). Peak RSS from $rss_tool, compared with a"
r "single-route check against the same upstream. Medians of 3 runs." ""
r "| JDK | wall time | ideal | wall / ideal (≤ 1.2) | first to last request at the upstream | most in flight | requests counted | peak RSS | single check RSS | RSS ratio (≤ 1.5) | exit |"
r "|---|---|---|---|---|---|---|---|---|---|---|"
for jh in "${jdks[@]}"; do
  f="$(jdk_feature "$jh")"
  : > "$work/t-p4"; : > "$work/rss-p4"; : > "$work/rss-one"; : > "$work/n-p4"; : > "$work/span-p4"; : > "$work/fly-p4"
  for i in 1 2 3; do
    curl -fsS -X POST "$upstream_url/_reset" >/dev/null
    JAVA_HOME="$jh" XDG_CACHE_HOME="$work/cache-$f" measure "$launcher" check --config "$work/p4.yaml" --all --concurrency "$conc" --quiet
    echo "$m_wall_ms" >> "$work/t-p4"; echo "$m_rss_kb" >> "$work/rss-p4"; p4_code="$m_code"
    curl -fsS "$upstream_url/_stats" > "$work/stats.json"
    jq '.slow // 0' "$work/stats.json" >> "$work/n-p4"
    jq '._last_ms - ._first_ms' "$work/stats.json" >> "$work/span-p4"
    jq '._max_inflight' "$work/stats.json" >> "$work/fly-p4"
    p4_records="$(grep -c '"record":"verdict"' "$work/out" || true)"
    JAVA_HOME="$jh" XDG_CACHE_HOME="$work/cache-$f" measure "$launcher" check --config "$work/p4-one.yaml" --quiet
    echo "$m_rss_kb" >> "$work/rss-one"
  done
  w="$(median < "$work/t-p4")"; rss="$(median < "$work/rss-p4")"; one="$(median < "$work/rss-one")"; n="$(median < "$work/n-p4")"
  span="$(median < "$work/span-p4")"; fly="$(sort -n "$work/fly-p4" | tail -1)"
  rw="$(ratio "$w" "$ideal_ms")"; rr="$(ratio "$rss" "$one")"
  r "| $f | $(secs "$w") | $(secs "$ideal_ms") | $rw $(verdict "$rw" 1.2) | $(secs "$span") | $fly | $n of $((routes * 2)) ($p4_records verdicts) | $((rss / 1024)) MiB | $((one / 1024)) MiB | $rr $(verdict "$rr" 1.5) | $p4_code |"
  limits+=("- **P4, JDK $f**: the upstream saw requests from the first to the last for $(secs "$span") (ideal $(secs "$ideal_ms"), at most $fly in
  flight); the other $(secs $(( w - span ))) of the $(secs "$w") are the JVM's start-up and exit. Peak RSS is $(( (rss - one) / 1024 )) MiB more
  for $routes routes than for one.")
  s "| P4 JDK $f: wall ≤ 1.2 × ideal | $(secs "$w") vs $(secs "$ideal_ms") = $rw | $(verdict "$rw" 1.2) |"
  s "| P4 JDK $f: peak RSS ≤ 1.5 × single check | $((rss / 1024)) MiB vs $((one / 1024)) MiB = $rr | $(verdict "$rr" 1.5) |"
done
fi

# =============================================================================================
if part P5; then
say "P5: a 100k-line evidence log"
p5_lines=100000; p5_routes=500; p5_runs=9
start_sandbox healthy
for label in bench-chat bench-new; do
  { echo "routes:"; route "$label" "$sandbox_url" 5000; } > "$work/p5-$label.yaml"
done
# One real check's records, then a log of 100k lines made of them: 500 routes checked over and
# over, the route the bench checks (bench-chat) last; bench-new was never checked.
JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" \
  "$launcher" check --config "$work/p5-bench-chat.yaml" --quiet --evidence-log "$work/p5-template.jsonl" > /dev/null
python3 "$bench/evidence_log.py" "$work/p5-template.jsonl" "$work/p5-big.jsonl" "$p5_lines" "$p5_routes" bench-chat
p5_size="$(wc -l < "$work/p5-big.jsonl") lines, $(( $(stat -c %s "$work/p5-big.jsonl") / 1048576 )) MiB"
# Each check appends to its own fresh copy (made outside the timing), round robin.
: > "$work/t-p5-empty"; : > "$work/t-p5-recent"; : > "$work/t-p5-new"
: > "$work/c-p5-empty"; : > "$work/c-p5-recent"; : > "$work/c-p5-new"
for i in $(seq 1 "$p5_runs"); do
  for case in empty recent new; do
    case "$case" in
      empty) : > "$work/p5-log.jsonl"; label=bench-chat ;;
      recent) cp "$work/p5-big.jsonl" "$work/p5-log.jsonl"; label=bench-chat ;;
      new) cp "$work/p5-big.jsonl" "$work/p5-log.jsonl"; label=bench-new ;;
    esac
    JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" \
      measure "$launcher" check --config "$work/p5-$label.yaml" --quiet --evidence-log "$work/p5-log.jsonl"
    [ "$m_code" = 0 ] || { say "P5 check ($case) exited $m_code"; cat "$work/err" >&2; exit 1; }
    echo "$m_wall_ms" >> "$work/t-p5-$case"; echo "$m_cpu_ms" >> "$work/c-p5-$case"
    if [ "$case" = recent ]; then p5_previous="$(jq -r 'select(.record == "verdict") | .previous.check_id' "$work/out")"; fi
  done
done
stop_sandbox
p5_empty="$(median < "$work/t-p5-empty")"; p5_recent="$(median < "$work/t-p5-recent")"; p5_new="$(median < "$work/t-p5-new")"
c5_empty="$(median < "$work/c-p5-empty")"; c5_recent="$(median < "$work/c-p5-recent")"; c5_new="$(median < "$work/c-p5-new")"
# The target is on CPU time (the work a check does); wall time moves with the machine's load.
p5_target="$(awk -v e="$c5_empty" 'BEGIN { printf "%d", e * 1.10 }')"
: > "$work/t-p5-h"; : > "$work/rss-p5-h"; : > "$work/t-p5-j"; : > "$work/rss-p5-j"; : > "$work/rss-p5-small"; : > "$work/t-p5-jq"
for i in 1 2 3; do
  JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" measure "$launcher" history --evidence-log "$work/p5-big.jsonl"
  echo "$m_wall_ms" >> "$work/t-p5-h"; echo "$m_rss_kb" >> "$work/rss-p5-h"; p5_history_code="$m_code"
  p5_history_lines="$(wc -l < "$work/out")"; p5_history_note="$(head -1 "$work/err" | sed "s|$work/||")"
  JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" measure "$launcher" history --evidence-log "$work/p5-big.jsonl" --json
  echo "$m_wall_ms" >> "$work/t-p5-j"; echo "$m_rss_kb" >> "$work/rss-p5-j"
  JAVA_HOME="$primary" XDG_CACHE_HOME="$work/cache-$(jdk_feature "$primary")" measure "$launcher" history --evidence-log "$work/p5-template.jsonl"
  echo "$m_rss_kb" >> "$work/rss-p5-small"
  measure jq -c 'select(.record == "verdict") | [.route_label, .check_id, .fallback_decision]' "$work/p5-big.jsonl"
  echo "$m_wall_ms" >> "$work/t-p5-jq"
done
p5_h="$(median < "$work/t-p5-h")"; p5_j="$(median < "$work/t-p5-j")"; p5_jq="$(median < "$work/t-p5-jq")"
p5_rss_h="$(median < "$work/rss-p5-h")"; p5_rss_j="$(median < "$work/rss-p5-j")"; p5_rss_small="$(median < "$work/rss-p5-small")"
p5_rr="$(ratio "$p5_rss_h" "$p5_rss_small")"; p5_rt="$(ratio "$p5_h" "$p5_jq")"
r "" "## P5: a 100k-line evidence log" ""
r "A log of $p5_size: $p5_routes routes checked in turn, made from one real check's records"
r "(\`bench/evidence_log.py\`), the route the bench checks (\`bench-chat\`) checked last. One chat route through the"
r "sandbox, \`check --quiet --evidence-log LOG\` through \`bin/rollforward\` (JDK $(jdk_feature "$primary")), each run on a fresh copy"
r "of the log (copied outside the timing); medians of $p5_runs runs, round robin. A check reads the log backwards"
r "from its end until it has the route's last verdict; a route never checked makes it read the whole log once."
r "The target is on CPU time (user + system: the work the check does); wall time is shown too, and moves"
r "with the machine's load (see the load average above)." ""
r "| log | check CPU time | vs an empty log | wall time | previous.check_id |"
r "|---|---|---|---|---|"
r "| empty | $c5_empty ms | | $p5_empty ms | null |"
r "| 100k lines, route checked last | $c5_recent ms | $(ratio "$c5_recent" "$c5_empty") (≤ 1.10: $(verdict "$c5_recent" "$p5_target")) | $p5_recent ms | ${p5_previous:-?} |"
r "| 100k lines, route never checked | $c5_new ms | $(ratio "$c5_new" "$c5_empty") | $p5_new ms | null |"
r "" "\`history\` over the same log (stdout to a file), medians of 3 runs; peak RSS compared with \`history\` of a"
r "one-check log, and the time with \`jq -c 'select(.record == \"verdict\") | [...]'\` over the same file." ""
r "| command | wall time | peak RSS | output | exit |"
r "|---|---|---|---|---|"
r "| \`history\` | $p5_h ms | $((p5_rss_h / 1024)) MiB | $p5_history_lines lines; stderr: $p5_history_note | $p5_history_code |"
r "| \`history --json\` | $p5_j ms | $((p5_rss_j / 1024)) MiB | one object per check | |"
r "| \`history\`, a one-check log | | $((p5_rss_small / 1024)) MiB | | |"
r "| \`jq\` over the 100k lines | $p5_jq ms | | | |"
limits+=("- **P5**: a check on the 100k-line log used $c5_recent ms of CPU against $c5_empty ms with an empty one: it
  reads one 64 KiB block from the end (a unit test pins that). A route the log has never seen costs one pass over
  the whole file ($c5_new ms of CPU), in
  which only lines naming a wanted route are parsed. \`history\` parses every line once (Jackson) and holds each
  check as a few shared strings: $((p5_rss_h / 1024)) MiB peak against $((p5_rss_small / 1024)) MiB for a one-check log.")
s "| P5: check on a 100k-line log ≤ 1.10 × on an empty log (CPU time) | $c5_recent ms vs $c5_empty ms = $(ratio "$c5_recent" "$c5_empty") | $(verdict "$c5_recent" "$p5_target") |"
s "| P5: history of 100k lines, peak RSS ≤ 2 × a one-check log | $((p5_rss_h / 1024)) MiB vs $((p5_rss_small / 1024)) MiB = $p5_rr | $(verdict "$p5_rr" 2) |"
s "| P5: history of 100k lines ≤ 3 × jq over it | $p5_h ms vs $p5_jq ms = $p5_rt | $(verdict "$p5_rt" 3) |"
fi

# =============================================================================================
load_end="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
mem="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
{
  echo "# rollforward benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Numbers are from this one run on this machine;"
  echo "they move with the machine and its load, the ratios less so."
  echo
  echo "## Machine"
  echo
  echo "- $(nproc) CPUs: ${cpu:-unknown}; memory ${mem:-unknown}; $(uname -sr)"
  echo "- load average (1, 5, 15 min) at the start: $load_start; at the end: $load_end"
  for jh in "${jdks[@]}"; do echo "- JDK $(jdk_feature "$jh"): $(jdk_name "$jh") ($jh)"; done
  echo "- timer: $( [ "$timer" = hyperfine ] && hyperfine --version || echo 'bash loop, date +%s%N, round robin'); $(curl --version | head -1 | cut -d' ' -f1-2); $(jq --version); $(python3 --version)"
  echo "- launcher flags: \`$(sed -n 's/^vm_flags=(\(.*\))$/\1/p' "$launcher")\` and the start-up archive"
  echo "  (static AppCDS on JDK 17-24, AOT cache on JDK 25+), made by a background training run on first use"
  echo
  echo "## Targets"
  echo
  echo "| target | measured | |"
  echo "|---|---|---|"
  cat "$summary"
  echo
  cat "$report"
  echo
  echo "## What limits the figures"
  echo
  printf '%s\n' "${limits[@]}"

} > "$out"
say "wrote $out"
cat "$summary" >&2
