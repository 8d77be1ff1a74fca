#!/usr/bin/env bash
# The baseline of P1: the same two requests a `rollforward check` of one chat route sends, with
# curl, judged with jq the way the decision table judges them (status class, the family's shape,
# the expected upstream, a clean JSON error for the disabled key). One JSON verdict line on
# stdout; exit 0 promote, 1 stay, 2 hold. It has no retries, no redaction, no config file and
# no records: what is left when everything but the two round trips is taken away.
#
# usage: curl-check.sh BASE_URL          (e.g. http://127.0.0.1:8787/v1)
#   env: CANARY_KEY_ENV  the NAME of the env var holding the canary key (default ROLLFORWARD_SANDBOX_KEY)
#        ROUTE_LABEL     sent as X-Route-Label and expected back (default sandbox-chat)
#        REQUEST_MS      bound on each request, in ms (default 5000)
set -euo pipefail

base="${1:?usage: curl-check.sh BASE_URL}"
key_env="${CANARY_KEY_ENV:-ROLLFORWARD_SANDBOX_KEY}"
key="${!key_env:?the env var $key_env (the canary key) is not set}"
label="${ROUTE_LABEL:-sandbox-chat}"
max_time="$(( ${REQUEST_MS:-5000} / 1000 ))"; [ "$max_time" -ge 1 ] || max_time=1
# An invalid key for the error path, as rollforward generates one.
disabled="sk-disabled-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
body='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Reply with the single word: ok"}],"max_tokens":16,"stream":false}'

# post KEY NAME: status code on stdout, body in $tmp/NAME.json, headers in $tmp/NAME.h
post() {
  curl -sS --max-time "$max_time" -o "$tmp/$2.json" -D "$tmp/$2.h" -w '%{http_code}' \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -H "X-Route-Label: $label" \
    --data "$body" "$base/chat/completions" 2>/dev/null || echo 000
}
header() { tr -d '\r' < "$tmp/$1.h" | awk -v n="$(tr '[:upper:]' '[:lower:]' <<< "$2")" -F': ' 'tolower($1)==n {print $2; exit}'; }

happy="$(post "$key" happy)"
error="$(post "$disabled" error)"

decision=promote; reasons=()
case "$happy" in
  2??)
    if ! jq -e '.object == "chat.completion" and (.id | type == "string") and (.choices | type == "array" and length > 0)' \
         "$tmp/happy.json" >/dev/null 2>&1; then
      decision=hold; reasons+=(unexpected_shape)
    elif [ "$(header happy X-Upstream)" != sandbox ] || [ "$(header happy X-Route-Label)" != "$label" ]; then
      decision=stay; reasons+=(unexpected_upstream)
    fi ;;
  000) decision=hold; reasons+=(no_response) ;;
  5??) decision=stay; reasons+=("http_$happy") ;;
  3??|401|403|408|429) decision=hold; reasons+=("http_$happy") ;;
  *) decision=stay; reasons+=("http_$happy") ;;
esac

worse() { # worse CURRENT NEW
  case "$1:$2" in *stay*) echo stay ;; *hold*) echo hold ;; *) echo promote ;; esac
}
case "$error" in
  401|403)
    if ! jq -e 'type == "object" and (has("error") or has("message"))' "$tmp/error.json" >/dev/null 2>&1; then
      decision="$(worse "$decision" hold)"; reasons+=(error_path:not_json_error)
    fi ;;
  2??) decision="$(worse "$decision" stay)"; reasons+=(error_path:disabled_credential_accepted) ;;
  5??) decision="$(worse "$decision" stay)"; reasons+=("error_path:http_$error") ;;
  *) decision="$(worse "$decision" hold)"; reasons+=("error_path:http_$error") ;;
esac

jq -cn --arg d "$decision" --arg lbl "$label" --arg happy "$happy" --arg error "$error" \
  --args '{record: "verdict", route_label: $lbl, fallback_decision: $d, http_status: ($happy | tonumber),
           error_path_status: ($error | tonumber), reasons: $ARGS.positional}' ${reasons[@]+"${reasons[@]}"}
case "$decision" in promote) exit 0 ;; stay) exit 1 ;; *) exit 2 ;; esac
