#!/usr/bin/env python3
"""A small loopback OpenAI-compatible upstream for bench/run.sh, with a request counter.

The project's sandbox (`rollforward sandbox`) has no latency option and no way to ask it how
many requests it received, so the benchmark brings this one for P2 (sends counted at the
server) and P4 (many routes against an upstream that takes its time). Standard library only.

Every mode lives under its own path prefix, so one server serves them all:

    http://127.0.0.1:PORT/<mode>/v1/chat/completions      POST
    http://127.0.0.1:PORT/<mode>/v1/responses             POST

modes:
    healthy   the family's success object for the canary key, a 401 JSON error for any other;
              as a stream (SSE) when the request asks for one ("stream": true), and with the
              headers a LiteLLM proxy adds (who served, no retries, no fallbacks)
    slow      the same, each answer after --latency-ms
    503       503 upstream_overloaded, always
    429       429 rate_limit_exceeded without Retry-After, always
    429ra     429 rate_limit_exceeded with Retry-After: 1, always
    401       401 JSON error, always (the canary key refused too)
    400       400 invalid_request_error, always
    gateway   503 with a gateway retry header (x-litellm-attempted-retries: 2), always

    GET  /_stats    {"<mode>": requests received, ...} counted on arrival, any path and method;
                    "_max_inflight": most requests in flight at once; "_first_ms", "_last_ms":
                    the first arrival and the last answer (ms since the epoch)
    POST /_reset    sets every count to 0

Usage: slow_upstream.py [--port N] [--latency-ms MS] [--key CANARY]
Prints "listening on http://127.0.0.1:PORT" on stdout once it accepts connections.
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODES = ("healthy", "slow", "503", "429", "429ra", "401", "400", "gateway")


class Counts:
    """Requests per mode, plus (under "_"-keys) the most requests in flight at once and the
    first arrival and last answer since the last reset, in ms since the epoch."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def add(self, mode):
        with self.lock:
            self.by_mode[mode] = self.by_mode.get(mode, 0) + 1
            self.inflight += 1
            self.max_inflight = max(self.max_inflight, self.inflight)
            if self.first is None:
                self.first = time.time()
            return sum(self.by_mode.values())

    def done(self):
        with self.lock:
            self.inflight -= 1
            self.last = time.time()

    def snapshot(self):
        with self.lock:
            stats = dict(self.by_mode)
            stats["_max_inflight"] = self.max_inflight
            stats["_first_ms"] = int(self.first * 1000) if self.first else None
            stats["_last_ms"] = int(self.last * 1000) if self.last else None
            return stats

    def reset(self):
        with self.lock:
            self.by_mode = {}
            self.inflight = 0
            self.max_inflight = 0
            self.first = None
            self.last = None


def error(message, type_, code):
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


def success(chat, n, model):
    now = int(time.time())
    if chat:
        return {"id": "chatcmpl-bench%06d" % n, "object": "chat.completion", "created": now, "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 13}}
    return {"id": "resp_bench%06d" % n, "object": "response", "created_at": now, "status": "completed",
            "model": model, "output": [{"type": "message", "id": "msg_bench%06d" % n, "status": "completed",
                                        "role": "assistant",
                                        "content": [{"type": "output_text", "text": "ok", "annotations": []}]}],
            "usage": {"input_tokens": 12, "output_tokens": 1, "total_tokens": 13}}


def sse(chat, n, model):
    """The family's success as a stream: chat chunks ending [DONE], or responses events."""
    if chat:
        base = {"id": "chatcmpl-bench%06d" % n, "object": "chat.completion.chunk", "created": int(time.time()),
                "model": model}
        chunks = [dict(base, choices=[{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]),
                  dict(base, choices=[{"index": 0, "delta": {"content": "ok"}, "finish_reason": None}]),
                  dict(base, choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]),
                  dict(base, choices=[], usage={"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 13})]
        return "".join("data: %s\n\n" % json.dumps(c) for c in chunks) + "data: [DONE]\n\n"
    done = success(False, n, model)
    started = dict(done, status="in_progress", output=[], usage=None)
    events = [("response.created", {"response": started}),
              ("response.output_text.delta", {"item_id": "msg_bench%06d" % n, "output_index": 0,
                                              "content_index": 0, "delta": "ok"}),
              ("response.completed", {"response": done})]
    return "".join("event: %s\ndata: %s\n\n" % (t, json.dumps(dict(e, type=t, sequence_number=i)))
                   for i, (t, e) in enumerate(events))


def litellm(model):
    """What a LiteLLM proxy says about who served: one deployment, no retries, no fallbacks."""
    return {"x-litellm-model-id": "bench-deployment-1", "x-litellm-model-api-base": "http://127.0.0.1",
            "x-litellm-model-group": model, "x-litellm-attempted-retries": "0",
            "x-litellm-attempted-fallbacks": "0"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real upstream
    # Headers and body go out in two writes; with Nagle on, the second waits for the client's
    # delayed ACK (40 ms on Linux) and every answer would be 40 ms late.
    disable_nagle_algorithm = True
    server_version = "bench-upstream"
    sys_version = ""

    def log_message(self, fmt, *args):  # no access log on stderr
        pass

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status, obj, headers=None, content_type="application/json"):
        data = (obj if isinstance(obj, str) else json.dumps(obj)).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Upstream", "bench")
        label = self.headers.get("X-Route-Label")
        if label:
            self.send_header("X-Route-Label", label)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._body()
        if self.path == "/_stats":
            return self._send(200, self.server.counts.snapshot())
        self._count_and_answer()

    def do_POST(self):
        if self.path == "/_reset":
            self._body()
            self.server.counts.reset()
            return self._send(200, {})
        self._count_and_answer()

    def _count_and_answer(self):
        try:
            self._answer()
        finally:
            self.server.counts.done()

    def _answer(self):
        parts = self.path.split("?")[0].split("/", 2)  # "", mode, rest
        mode = parts[1] if len(parts) > 2 else ""
        rest = "/" + parts[2] if len(parts) > 2 else self.path
        n = self.server.counts.add(mode if mode in MODES else "other")
        body = self._body()
        if mode not in MODES or rest not in ("/v1/chat/completions", "/v1/responses") or self.command != "POST":
            return self._send(404, error("Invalid URL (%s %s)" % (self.command, self.path), "invalid_request_error", None))
        chat = rest == "/v1/chat/completions"
        try:
            request = json.loads(body or b"{}")
            model, stream = request.get("model", "unknown"), request.get("stream") is True
        except (ValueError, AttributeError):
            model, stream = "unknown", False
        canary = self.headers.get("Authorization", "") == "Bearer " + self.server.key
        rid = {"x-request-id": "req_bench_%d" % n}
        if mode == "slow":
            time.sleep(self.server.latency)
        if mode in ("healthy", "slow"):
            if canary and stream:
                return self._send(200, sse(chat, n, model), dict(rid, **litellm(model)), "text/event-stream")
            if canary:
                return self._send(200, success(chat, n, model), dict(rid, **litellm(model)))
            return self._send(401, error("Invalid token", "new_api_error", ""), dict(rid, **litellm(model)))
        if mode == "503":
            return self._send(503, error("The upstream is overloaded", "comet_api_error", "upstream_overloaded"), rid)
        if mode == "429":
            return self._send(429, error("Rate limit reached", "requests", "rate_limit_exceeded"), rid)
        if mode == "429ra":
            return self._send(429, error("Rate limit reached", "requests", "rate_limit_exceeded"),
                              dict(rid, **{"Retry-After": "1"}))
        if mode == "401":
            return self._send(401, error("Invalid token", "new_api_error", ""), rid)
        if mode == "400":
            return self._send(400, error("Unsupported parameter", "invalid_request_error", "invalid_value"), rid)
        # gateway: the gateway already retried (twice) before giving up
        return self._send(503, error("upstream overloaded", "gateway_error", "upstream_overloaded"),
                          dict(rid, **{"x-litellm-attempted-retries": "2"}))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--latency-ms", type=int, default=300)
    ap.add_argument("--key", default="sk-sandbox-canary-0000000000000000")
    args = ap.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.request_queue_size = 128
    server.counts = Counts()
    server.latency = args.latency_ms / 1000.0
    server.key = args.key
    print("listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
