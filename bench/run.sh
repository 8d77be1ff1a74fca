#!/usr/bin/env bash
# rollforward's benchmark (issues 5 and 13). Runs on a fresh machine after the README's set-up
# (a JDK 17+, Maven for the first build): builds the jar when needed, builds the OpenAI-SDK peer
# into target/, starts its own loopback upstreams, measures, and writes bench/RESULTS.md. It
# installs nothing; it says what is missing.
#
#   P1  a healthy check on every JDK found: bin/rollforward vs the same JVM command without the
#       launcher, vs plain `java -jar`, vs curl+jq (bench/curl-check.sh), and vs the same check
#       written with the official OpenAI Java SDK (bench/openai-sdk-check/), plainly and with its
#       best start-up flags (ours, plus its own AppCDS archive / AOT cache)
#   P2  requests counted at the upstream under persistent 503, 429 (with and without
#       Retry-After), 401, 400 and a gateway that reports its own retries
#   P3  time to verdict against an upstream that never answers, vs 2 x request_ms
#   P4  200 routes, --all --concurrency 8, against an upstream answering after 300 ms, with
#       `gateway` and `stream` routes mixed in when the config loader accepts those keys:
#       wall time vs ceil(200/8) x 2 x 0.3 s, peak RSS vs a single check's
#   P5  a 100k-line evidence log: a check with --evidence-log on it (the route checked last,
#       and a route never checked) vs on an empty log; history and history --json on it
#       (wall time, peak RSS) vs history of a 10k-line and a one-check log, and jq over the same file
#
# The machine may be shared: every timing is taken in paired rounds (each round runs every
# command once, starting at a different one each time), so a slow spell hurts all alike; ratios
# are the medians of the per-round ratios, and each median comes with its quartiles.
#
# usage: bench/run.sh
#   BENCH_RUNS=15            timed rounds in P1 (after 2 warm-up rounds)
#   BENCH_JAVA_HOMES="..."   JDKs to measure (default: every JDK 17+ under /usr/lib/jvm, and the one
#                            bin/rollforward would use)
#   BENCH_OUT=FILE           where to write the report (default bench/RESULTS.md)
#   BENCH_PARTS="P1 ... P5"  the parts to run (default all; with fewer, set BENCH_OUT elsewhere)
# Not part of `mvn verify`: timings depend on the machine.
set -euo pipefail
export LC_ALL=C   # EPOCHREALTIME with a decimal point, sort and awk as expected

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
launcher="$repo/bin/rollforward"
jar="$repo/target/rollforward.jar"
sdk_dir="$bench/openai-sdk-check"
sdk_jar="$repo/target/openai-sdk-check/openai-sdk-check.jar"
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
command -v mvn >/dev/null 2>&1 || missing+=("Maven, to build the jar and the OpenAI-SDK peer (apt-get install -y maven)")
[ -n "${EPOCHREALTIME:-}" ] || missing+=("bash 5 or newer (for EPOCHREALTIME)")
if [ "${#missing[@]}" -gt 0 ]; then
  say "missing, please install:"; printf '  - %s\n' "${missing[@]}" >&2; exit 1
fi
gnu_time=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then gnu_time=/usr/bin/time
else say "GNU time not found (apt-get install -y time): peak RSS is read with python3's wait4 instead"; fi

java_home_of() { local j; j="$(readlink -f "$1")"; echo "${j%/bin/java}"; }
jdk_feature() { local v; v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)"; echo "${v:-0}"; }
jdk_name() { "$1/bin/java" -version 2>&1 | head -1 | sed 's/"//g'; }
if [ -n "${BENCH_JAVA_HOMES:-}" ]; then
  read -r -a jdks <<< "$BENCH_JAVA_HOMES"
else
  # Every JDK found, once each (by its real path), one per feature version, oldest first.
  declare -A seen_feature
  jdks=()
  while read -r f jh; do
    [ -n "${seen_feature[$f]:-}" ] && continue
    seen_feature[$f]=1; jdks+=("$jh")
  done < <(for jh in "$(java_home_of "$java_cmd")" /usr/lib/jvm/*/; do
             [ -x "$jh/bin/java" ] || continue
             jh="$(java_home_of "$jh/bin/java")"; f="$(jdk_feature "$jh")"
             [ "$f" -ge 17 ] && echo "$f $jh"
           done | sort -n -k1,1 -s | awk '!seen[$2]++')
fi
for jh in "${jdks[@]}"; do
  [ -x "$jh/bin/java" ] || { say "no java in $jh (BENCH_JAVA_HOMES)"; exit 1; }
done
say "JDKs: ${jdks[*]}"

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

# The OpenAI-SDK peer: its own small Maven project, built into target/openai-sdk-check/.
if [ ! -f "$sdk_jar" ] || [ -n "$(find "$sdk_dir" -newer "$sdk_jar" -type f -print -quit)" ]; then
  say "building the OpenAI-SDK peer (bench/openai-sdk-check, from Maven Central)"
  if ! (cd "$sdk_dir" && mvn -B -q package > "$work/sdk-build.log" 2>&1); then
    cat "$work/sdk-build.log" >&2
    say "the OpenAI-SDK peer did not build (above); its columns are left out"
    sdk_jar=""
  fi
fi
sdk_version="$(sed -n 's:.*<openai.version>\(.*\)</openai.version>.*:\1:p' "$sdk_dir/pom.xml")"
vm_flags_text="$(sed -n 's/^vm_flags=(\(.*\))$/\1/p' "$launcher")"
read -r -a vm_flags <<< "$vm_flags_text"

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

# route LABEL BASE_URL [REQUEST_MS] [RETRY] [EXPECT] [FAMILY] [LINE...]: one route of a config;
# RETRY "-" leaves the retry policy to its default; each LINE is one more "key: value".
retry1='{max_retries: 1, base_delay_ms: 250, max_delay_ms: 2000, max_retry_after_ms: 5000}'
route() {
  echo "  - label: $1"
  echo "    base_url: $2"
  echo "    request_family: ${6:-chat}"
  echo "    model: gpt-4o-mini"
  echo "    credential_env: ROLLFORWARD_SANDBOX_KEY"
  echo "    headers: {X-Route-Label: $1}"
  echo "    timeouts: {connect_ms: 2000, request_ms: ${3:-5000}}"
  if [ "${4:-}" != - ]; then echo "    retry: ${4:-$retry1}"; fi
  if [ -n "${5:-}" ]; then echo "    expect: $5"; fi
  local line
  for line in "${@:7}"; do echo "    $line"; done
}

# ---- timing helpers ---------------------------------------------------------------------------
now_us() { local t="$EPOCHREALTIME"; echo "${t/./}"; }
now_ms() { echo $(( $(now_us) / 1000 )); }
# quartile Q < numbers: Q in 0..1, linear interpolation
quantile() { sort -n | awk -v q="$1" '{a[NR]=$1} END {if (NR==0) {print "NaN"; exit} p=1+(NR-1)*q; i=int(p); f=p-i; v=(i<NR)? a[i]+f*(a[i+1]-a[i]) : a[i]; printf "%.10g\n", v}'; }
median() { quantile 0.5; }
whole() { awk '{printf "%.0f", $1}'; }

# cpu_now: sets cpu_ms to the user+sys CPU time of this shell's finished children (bash's `times`,
# read without a fork, so that reading it costs no CPU of its own).
cpu_now() {
  local u s m
  times > "$work/times"
  { read -r _ _; read -r u s; } < "$work/times"
  cpu_ms=0
  for m in "$u" "$s"; do   # e.g. 0m1.234s
    m="${m%s}"
    m="${m//./}"
    cpu_ms=$(( cpu_ms + 10#${m%%m*} * 60000 + 10#${m#*m} ))
  done
}

# time_commands NAME=COMMAND...: BENCH_RUNS paired rounds; every round runs each command once,
# starting at a different one each round. Each run's wall ms goes, one line per round, into
# $work/t-NAME, its CPU ms (user+sys, the command and its children) into $work/c-NAME;
# medians[NAME], q1[NAME], q3[NAME] and cpu[NAME] are set. A command must exit 0.
declare -A medians q1 q3 cpu
time_commands() {
  local names=() cmds=() spec n i k round t0 c0
  for spec in "$@"; do
    names+=("${spec%%=*}"); cmds+=("${spec#*=}"); : > "$work/t-${spec%%=*}"; : > "$work/c-${spec%%=*}"
  done
  n=${#names[@]}
  for round in 1 2; do for k in "${!cmds[@]}"; do eval "${cmds[$k]}" >/dev/null 2>&1 || true; done; done
  for ((round = 0; round < runs; round++)); do
    for ((i = 0; i < n; i++)); do
      k=$(( (i + round) % n ))
      cpu_now; c0="$cpu_ms"
      t0="$(now_us)"
      eval "${cmds[$k]}" >/dev/null 2>&1 || { say "failed: ${cmds[$k]}"; exit 1; }
      echo $(( ($(now_us) - t0) / 1000 )) >> "$work/t-${names[$k]}"
      cpu_now; echo $(( cpu_ms - c0 )) >> "$work/c-${names[$k]}"
    done
  done
  for k in "${names[@]}"; do
    medians[$k]="$(median < "$work/t-$k" | whole)"
    q1[$k]="$(quantile 0.25 < "$work/t-$k" | whole)"
    q3[$k]="$(quantile 0.75 < "$work/t-$k" | whole)"
    cpu[$k]="$(median < "$work/c-$k" | whole)"
  done
}
# paired A B [t|c]: the median over the rounds of A's wall (or CPU) time / B's (2 decimals)
paired() { paste "$work/${3:-t}-$1" "$work/${3:-t}-$2" | awk '$2 > 0 {print $1 / $2}' | median | awk '{printf "%.2f", $1}'; }

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
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*average[s]*: //'; }

export ROLLFORWARD_SANDBOX_KEY="$KEY"
load_start="$(loadavg)"
report="$work/report.md"
summary="$work/summary.md"
: > "$report"; : > "$summary"
r() { printf '%s\n' "$@" >> "$report"; }
s() { printf '%s\n' "$@" >> "$summary"; }
limits=()
loads=()

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

# sdk_archive JAVA_HOME FEATURE: the SDK peer's own start-up archive, made the way ours is (a static
# AppCDS archive from a training run's class list on JDK 17-24, an AOT cache on 25+); prints its flags.
sdk_archive() {
  local java="$1/bin/java" a="$work/sdk-$2"
  if [ "$2" -ge 25 ]; then
    ROUTE_LABEL=bench-chat "$java" "${vm_flags[@]}" '-Xlog:aot*=off,cds*=off' "-XX:AOTCacheOutput=$a.aot" \
      -jar "$sdk_jar" "$p1_url" >/dev/null 2>&1 && [ -s "$a.aot" ] || return 1
    echo "-XX:AOTCache=$a.aot -Xlog:aot*=off,cds*=off"
  else
    ROUTE_LABEL=bench-chat "$java" "${vm_flags[@]}" "-XX:DumpLoadedClassList=$a.classes" -jar "$sdk_jar" "$p1_url" >/dev/null 2>&1 \
      && "$java" "${vm_flags[@]}" -Xshare:dump "-XX:SharedClassListFile=$a.classes" "-XX:SharedArchiveFile=$a.jsa" \
           -cp "$sdk_jar" >/dev/null 2>&1 && [ -s "$a.jsa" ] || return 1
    echo "-Xshare:auto -XX:SharedArchiveFile=$a.jsa -Xlog:cds*=off"
  fi
}

r "## P1: a healthy check"
r "" "One chat route through the sandbox (\`rollforward sandbox --mode healthy\`, loopback): a happy-path"
r "and an error-path request, records on stdout, \`--quiet\`. $runs paired rounds after 2 warm-up rounds: each"
r "round runs every command once, starting at a different one each time. Wall time: the median, with the"
r "quartiles in brackets; CPU: user + system time of the command and its children, the median (what a busy"
r "machine cannot stretch). Ratios are the medians of the per-round ratios: the two runs of a pair ran"
r "seconds apart, under the same load."
r "" "- \`launcher\`: \`bin/rollforward check ...\` with its start-up archive in place."
r "- \`no launcher\`: the JVM command the launcher execs (its flags, the same archive), started directly:"
r "  the difference is the launcher's own work (bash, finding the JDK and the archive, checksumming it)."
r "- \`no archive\`: the launcher with \`ROLLFORWARD_NO_CDS=1\`; \`plain java -jar\`: \`java -jar target/rollforward.jar check ...\`."
r "- \`curl+jq\`: \`bench/curl-check.sh\`, the same two requests judged with jq, no records or config."
r "- \`OpenAI SDK\`: \`bench/openai-sdk-check\`, the same check written with the official OpenAI Java SDK"
r "  (\`com.openai:openai-java:$sdk_version\`, one shaded jar), as \`java -jar\`; \`SDK, best flags\`: with the"
r "  launcher's JVM flags and its own start-up archive (static AppCDS on JDK 17-24, AOT cache on 25+, made the same way)."
r "- \`java -version\` and \`launcher validate\` (the same config, checked and nothing sent) split the time into"
r "  the JVM's own start, the start of the command and its config, and the check's own work."
declare -A p1_launcher
for jh in "${jdks[@]}"; do
  f="$(jdk_feature "$jh")"
  cache="$work/cache-$f"
  say "  JDK $f: first run (makes the archive in the background)"
  t0="$(now_ms)"
  JAVA_HOME="$jh" XDG_CACHE_HOME="$cache" "$launcher" check --config "$work/p1.yaml" --quiet > "$work/p1-first.out"
  first_ms=$(( $(now_ms) - t0 ))
  made_ms="$(await_archive "$cache")"
  grep -q '"fallback_decision":"promote"' "$work/p1-first.out" || { say "P1 check did not promote"; cat "$work/p1-first.out" >&2; exit 1; }
  archive="$(compgen -G "$cache/rollforward/rollforward-*.[ja][so][at]" | head -1)"
  if [ "$f" -ge 25 ]; then share="-XX:AOTCache=$archive -Xlog:aot*=off,cds*=off"
  else share="-Xshare:auto -XX:SharedArchiveFile=$archive -Xlog:cds*=off"; fi
  cmds=(
    "jvm=$jh/bin/java -Xshare:auto ${vm_flags_text} -version"
    "version=$launcher validate --config $work/p1.yaml"
    "launcher=$launcher check --config $work/p1.yaml --quiet"
    "direct=$jh/bin/java ${vm_flags_text} $share -Drollforward.stderr.tty=0 -Drollforward.stdout.tty=0 -Drollforward.invoked.as=$launcher -Drollforward.home=$repo -jar $jar check --config $work/p1.yaml --quiet"
    "nocds=env ROLLFORWARD_NO_CDS=1 $launcher check --config $work/p1.yaml --quiet"
    "plain=$jh/bin/java -jar $jar check --config $work/p1.yaml --quiet"
    "curl=$curl_cmd"
  )
  if [ -n "$sdk_jar" ]; then
    say "  JDK $f: the OpenAI-SDK peer's own start-up archive"
    ROUTE_LABEL=bench-chat "$jh/bin/java" -jar "$sdk_jar" "$p1_url" > "$work/sdk.out" \
      && grep -q '"fallback_decision":"promote"' "$work/sdk.out" || { say "the OpenAI-SDK check did not promote"; cat "$work/sdk.out" >&2; exit 1; }
    sdk_share="$(sdk_archive "$jh" "$f")" || { say "  its archive could not be made; measured without one"; sdk_share=""; }
    cmds+=("sdk=env ROUTE_LABEL=bench-chat $jh/bin/java -jar $sdk_jar $p1_url"
           "sdkbest=env ROUTE_LABEL=bench-chat $jh/bin/java ${vm_flags_text} $sdk_share -jar $sdk_jar $p1_url")
  fi
  say "  JDK $f: timing ($runs rounds)"
  load_before="$(loadavg)"
  export JAVA_HOME="$jh" XDG_CACHE_HOME="$cache"
  time_commands "${cmds[@]}"
  unset JAVA_HOME XDG_CACHE_HOME
  loads+=("- P1, JDK $f: load average $load_before before the timing rounds, $(loadavg) after")
  l="${medians[launcher]}"; p="${medians[plain]}"; c="${medians[curl]}"
  p1_launcher[$jh]="$l"
  rp="$(paired launcher plain)"; rc="$(paired launcher curl)"
  r "" "### JDK $f ($(jdk_name "$jh"))" ""
  r "First run, before any archive: $first_ms ms (the archive was then made in the background in $made_ms ms)." ""
  r "| command | wall time | CPU | launcher ÷ this, wall | launcher ÷ this, CPU | target |"
  r "|---|---|---|---|---|---|"
  row() { # NAME LABEL [TARGET]
    local ratio="" cratio="" target=""
    if [ "$1" != launcher ]; then ratio="$(paired launcher "$1")"; cratio="$(paired launcher "$1" c)"; fi
    [ -n "${3:-}" ] && target="≤ $3: $(verdict "$ratio" "$3")"
    r "| $2 | ${medians[$1]} ms (${q1[$1]}–${q3[$1]}) | ${cpu[$1]} ms | $ratio | $cratio | $target |"
  }
  row jvm "\`java -version\`"
  row version "launcher \`validate\`"
  row launcher "**launcher**"
  row direct "no launcher"
  row nocds "no archive"
  row plain "plain \`java -jar\`" 0.5
  row curl "curl+jq" 2.5
  s "| P1 JDK $f: launcher ≤ 0.5 × plain java -jar | $l ms vs $p ms, paired ratio $rp | $(verdict "$rp" 0.5) |"
  s "| P1 JDK $f: launcher ≤ 2.5 × curl+jq | $l ms vs $c ms, paired ratio $rc | $(verdict "$rc" 2.5) |"
  if [ -n "$sdk_jar" ]; then
    row sdk "OpenAI SDK"
    row sdkbest "OpenAI SDK, best flags" 0.25
    rb="$(paired launcher sdkbest)"
    s "| P1 JDK $f: launcher ≤ 0.25 × the OpenAI-SDK check, best flags | $l ms vs ${medians[sdkbest]} ms, paired ratio $rb | $(verdict "$rb" 0.25) |"
  fi
  app_ms=$(( ${medians[version]%.*} - ${medians[jvm]%.*} ))
  check_ms=$(( ${l%.*} - ${medians[version]%.*} ))
  limits+=("- **P1, JDK $f**: of the launcher's $l ms (${cpu[launcher]} ms CPU), ${medians[jvm]} ms is the JVM's own start (\`java -version\`),
  $app_ms ms the command and its config (\`rollforward validate\`: the launcher, picocli's models of the top command
  and the one subcommand, built by reflection, and the YAML config through Jackson) and $check_ms ms the check's
  own work: the redactor, an OkHttp client (whose TLS set-up scans the security providers even for an http://
  route), two loopback round trips, judging and the records. The launcher's
  own work is the difference to \`no launcher\`: $(( ${l%.*} - ${medians[direct]%.*} )) ms wall, $(( ${cpu[launcher]%.*} - ${cpu[direct]%.*} )) ms CPU. curl+jq takes $c ms in all
  (${cpu[curl]} ms CPU): 2.5 × that is $(awk -v c="$c" 'BEGIN { printf "%d", 2.5 * c }') ms, against ${medians[jvm]} ms for a JVM that does nothing. Without the
  archive the launcher takes ${medians[nocds]} ms: the archive saves $(( ${medians[nocds]%.*} - ${l%.*} )) ms, the flags another $(( ${p%.*} - ${medians[nocds]%.*} )) ms
  against plain \`java -jar\`.")
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
# Which of the route kinds this build's config loader takes (validate sends nothing).
accepts() {
  { echo "routes:"; route probe "$upstream_url/slow/v1" 10000 - "" chat "$1"; } > "$work/probe.yaml"
  ROLLFORWARD_NO_CDS=1 JAVA_HOME="$primary" "$launcher" validate --config "$work/probe.yaml" >/dev/null 2>&1
}
gateway_line=""; stream_line=""
accepts "gateway: litellm" && gateway_line="gateway: litellm"
accepts "stream: true" && stream_line="stream: true"
# Route i: chat or responses in turn; of every four, one plain, one behind a gateway (retries left
# to the gateway), one streamed, one both: as far as the loader takes those keys.
p4_route() {
  local i="$1" family=chat extra=() retry="$retry1"
  [ $(( i % 2 )) = 0 ] && family=responses
  case $(( i % 4 )) in
    1) [ -n "$gateway_line" ] && { extra+=("$gateway_line"); retry=-; } ;;
    2) [ -n "$stream_line" ] && extra+=("$stream_line") ;;
    3) [ -n "$gateway_line" ] && { extra+=("$gateway_line"); retry=-; }
       [ -n "$stream_line" ] && extra+=("$stream_line") ;;
  esac
  route "fleet-$i" "$upstream_url/slow/v1" 10000 "$retry" "" "$family" ${extra[@]+"${extra[@]}"}
}
{ echo "routes:"; for i in $(seq -w 1 "$routes"); do p4_route "$((10#$i))"; done; } > "$work/p4.yaml"
{ echo "routes:"; route fleet-one "$upstream_url/slow/v1" 10000; } > "$work/p4-one.yaml"
mix="$(awk '/request_family:/ {f[$2]++} /gateway:/ {g++} /stream: true/ {s++} END {printf "%d chat and %d responses routes; %d with `gateway: litellm`, %d with `stream: true`", f["chat"], f["responses"], g, s}' "$work/p4.yaml")"
both="$(awk '/- label:/ {if (gw && st) b++; gw=0; st=0} /gateway:/ {gw=1} /stream: true/ {st=1} END {if (gw && st) b++; print b+0}' "$work/p4.yaml")"
not_taken=()
[ -z "$gateway_line" ] && not_taken+=("\`gateway\`")
[ -z "$stream_line" ] && not_taken+=("\`stream\`")
# ceil(routes / conc) waves of two 300 ms round trips
# shellcheck disable=SC2017
ideal_ms=$(( (routes + conc - 1) / conc * 2 * 300 ))
r "" "## P4: a fleet of routes" ""
r "$routes routes, \`check --all --concurrency $conc --quiet\` through \`bin/rollforward\`, against the bench's"
r "upstream (\`bench/slow_upstream.py\`) answering every request after 300 ms, as a LiteLLM proxy would (its"
r "served-by and retry headers) and as a stream when one is asked for. The mix: $mix ($both both)."
if [ "${#not_taken[@]}" -gt 0 ]; then
  r "This build's config loader does not take the key$([ "${#not_taken[@]}" -gt 1 ] && echo s) ${not_taken[*]} yet (\`validate\` refused a route with it): no such routes."
fi
rss_tool="python3's wait4"; [ -n "$gnu_time" ] && rss_tool="\`/usr/bin/time -v\`"
r "Ideal: ceil($routes/$conc) × 2 × 0.3 s = $(secs "$ideal_ms") (no start-up counted). Peak RSS from $rss_tool, compared with a"
r "single-route check (one plain chat route) against the same upstream. Medians of 3 runs." ""
r "| JDK | wall time | ideal | wall / ideal (≤ 1.2) | first to last request at the upstream | most in flight | requests counted | verdicts (promote/stay/hold) | peak RSS | single check RSS | RSS ratio (≤ 1.5) | exit |"
r "|---|---|---|---|---|---|---|---|---|---|---|---|"
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
    p4_verdicts="$(jq -r 'select(.record == "verdict") | .fallback_decision' "$work/out" \
      | awk '{n[$1]++} END {printf "%d/%d/%d", n["promote"], n["stay"], n["hold"]}')"
    [ "$p4_code" = 0 ] || { say "P4 run exited $p4_code; its stderr:"; head -20 "$work/err" >&2; }
    JAVA_HOME="$jh" XDG_CACHE_HOME="$work/cache-$f" measure "$launcher" check --config "$work/p4-one.yaml" --quiet
    echo "$m_rss_kb" >> "$work/rss-one"
  done
  w="$(median < "$work/t-p4")"; rss="$(median < "$work/rss-p4")"; one="$(median < "$work/rss-one")"; n="$(median < "$work/n-p4")"
  span="$(median < "$work/span-p4")"; fly="$(sort -n "$work/fly-p4" | tail -1)"
  rw="$(ratio "$w" "$ideal_ms")"; rr="$(ratio "$rss" "$one")"
  r "| $f | $(secs "$w") | $(secs "$ideal_ms") | $rw $(verdict "$rw" 1.2) | $(secs "$span") | $fly | $n of $((routes * 2)) | $p4_verdicts | $((rss / 1024)) MiB | $((one / 1024)) MiB | $rr $(verdict "$rr" 1.5) | $p4_code |"
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
# history: over the 100k-line log, a 10k-line one (is peak RSS flat in the log's size?) and a one-check one.
python3 "$bench/evidence_log.py" "$work/p5-template.jsonl" "$work/p5-10k.jsonl" 10000 "$p5_routes" bench-chat
: > "$work/t-p5-jq"
for i in 1 2 3; do
  measure jq -c 'select(.record == "verdict") | [.route_label, .check_id, .fallback_decision]' "$work/p5-big.jsonl"
  echo "$m_wall_ms" >> "$work/t-p5-jq"
done
p5_jq="$(median < "$work/t-p5-jq")"
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
r "" "\`history\` over the same log (stdout to a file) on each JDK, medians of 3 runs; peak RSS compared with"
r "\`history\` of a 10k-line log (flat: the log is streamed, not held) and of a one-check log; the time compared with"
r "\`jq -c 'select(.record == \"verdict\") | [...]'\` over the same file ($p5_jq ms)." ""
r "| JDK | command | wall time | CPU | peak RSS | output | exit |"
r "|---|---|---|---|---|---|---|"
p5_limits=""
for jh in "${jdks[@]}"; do
  f="$(jdk_feature "$jh")"
  for v in t-h c-h rss-h t-j rss-j rss-10k rss-small; do : > "$work/p5-$v"; done
  for i in 1 2 3; do
    JAVA_HOME="$jh" XDG_CACHE_HOME="$work/cache-$f" measure "$launcher" history --evidence-log "$work/p5-big.jsonl"
    echo "$m_wall_ms" >> "$work/p5-t-h"; echo "$m_cpu_ms" >> "$work/p5-c-h"; echo "$m_rss_kb" >> "$work/p5-rss-h"; p5_history_code="$m_code"
    p5_history_lines="$(wc -l < "$work/out")"; p5_history_note="$(head -1 "$work/err" | sed "s|$work/||")"
    JAVA_HOME="$jh" XDG_CACHE_HOME="$work/cache-$f" measure "$launcher" history --evidence-log "$work/p5-big.jsonl" --json
    echo "$m_wall_ms" >> "$work/p5-t-j"; echo "$m_rss_kb" >> "$work/p5-rss-j"
    JAVA_HOME="$jh" XDG_CACHE_HOME="$work/cache-$f" measure "$launcher" history --evidence-log "$work/p5-10k.jsonl"
    echo "$m_rss_kb" >> "$work/p5-rss-10k"
    JAVA_HOME="$jh" XDG_CACHE_HOME="$work/cache-$f" measure "$launcher" history --evidence-log "$work/p5-template.jsonl"
    echo "$m_rss_kb" >> "$work/p5-rss-small"
  done
  p5_h="$(median < "$work/p5-t-h")"; p5_ch="$(median < "$work/p5-c-h")"; p5_j="$(median < "$work/p5-t-j")"
  p5_rss_h="$(median < "$work/p5-rss-h")"; p5_rss_j="$(median < "$work/p5-rss-j")"
  p5_rss_10k="$(median < "$work/p5-rss-10k")"; p5_rss_small="$(median < "$work/p5-rss-small")"
  p5_rr="$(ratio "$p5_rss_h" "$p5_rss_small")"; p5_rf="$(ratio "$p5_rss_h" "$p5_rss_10k")"; p5_rt="$(ratio "$p5_h" "$p5_jq")"
  r "| $f | \`history\` | $p5_h ms | $p5_ch ms | $((p5_rss_h / 1024)) MiB | $p5_history_lines lines; stderr: $p5_history_note | $p5_history_code |"
  r "| $f | \`history --json\` | $p5_j ms | | $((p5_rss_j / 1024)) MiB | one object per check | |"
  r "| $f | \`history\`, a 10k-line log | | | $((p5_rss_10k / 1024)) MiB | | |"
  r "| $f | \`history\`, a one-check log | | | $((p5_rss_small / 1024)) MiB | | |"
  s "| P5 JDK $f: history of 100k lines < 2 s | $p5_h ms ($p5_ch ms CPU) | $(verdict "$p5_h" 1999) |"
  s "| P5 JDK $f: history's peak RSS flat, 100k lines ≤ 1.2 × 10k lines | $((p5_rss_h / 1024)) MiB vs $((p5_rss_10k / 1024)) MiB = $p5_rf | $(verdict "$p5_rf" 1.2) |"
  s "| P5 JDK $f: history of 100k lines, peak RSS ≤ 2 × a one-check log | $((p5_rss_h / 1024)) MiB vs $((p5_rss_small / 1024)) MiB = $p5_rr | $(verdict "$p5_rr" 2) |"
  s "| P5 JDK $f: history of 100k lines ≤ 3 × jq over it | $p5_h ms vs $p5_jq ms = $p5_rt | $(verdict "$p5_rt" 3) |"
  p5_limits+=" JDK $f: $((p5_rss_h / 1024)) MiB peak for 100k lines, $((p5_rss_10k / 1024)) MiB for 10k, $((p5_rss_small / 1024)) MiB for one check."
done
limits+=("- **P5**: a check on the 100k-line log used $c5_recent ms of CPU against $c5_empty ms with an empty one: it
  reads one 64 KiB block from the end (a unit test pins that). A route the log has never seen costs one pass over
  the whole file ($c5_new ms of CPU), in
  which only lines naming a wanted route are parsed. \`history\` parses every line once (Jackson) and holds each
  check as a few shared strings:$p5_limits")
s "| P5: check on a 100k-line log ≤ 1.10 × on an empty log (CPU time) | $c5_recent ms vs $c5_empty ms = $(ratio "$c5_recent" "$c5_empty") | $(verdict "$c5_recent" "$p5_target") |"
fi

# =============================================================================================
load_end="$(loadavg)"
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
  printf '%s\n' "${loads[@]}"
  for jh in "${jdks[@]}"; do echo "- JDK $(jdk_feature "$jh"): $(jdk_name "$jh") ($jh)"; done
  echo "- timer: bash \`EPOCHREALTIME\`, paired rounds; $(curl --version | head -1 | cut -d' ' -f1-2); $(jq --version); $(python3 --version)"
  echo "- launcher flags: \`$vm_flags_text\` and the start-up archive"
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
