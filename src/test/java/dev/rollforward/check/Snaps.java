package dev.rollforward.check;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Resends;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.TestRoutes;
import dev.rollforward.vocabulary.TestTrails;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link ResponseSnapshot}s and judges them, with no network. */
final class Snaps {

    static final String HOST = "api.cometapi.com";
    static final String LABEL = "cometapi-primary";
    static final List<String> GATEWAY_HEADERS = List.of("x-litellm-attempted-retries", "x-portkey-retry-attempt-count");
    static final Instant T0 = Instant.parse("2026-11-27T03:04:05Z");

    /** Every expectation set: host, upstream header, route label header, model prefix. */
    static final Expectations FULL = new Expectations(HOST, "X-Upstream", "cometapi", "X-Route-Label", LABEL,
            "gpt-4o-mini");

    /** Only the host (the config default when there is no expect block). */
    static final Expectations HOST_ONLY = new Expectations(HOST, null, null, null, LABEL, null);

    private Snaps() {
    }

    static Builder status(int status) {
        return new Builder(status);
    }

    /** A 2xx that carries every header {@link #FULL} expects. */
    static Builder good(int status, String body) {
        return status(status).body(body).header("X-Upstream", "cometapi").header("X-Route-Label", LABEL);
    }

    static ResponseSnapshot noResponse(String reason) {
        return new ResponseSnapshot.NoAnswer(reason, null, "the upstream stopped answering within request_ms",
                TestTrails.failed(HOST, reason, new Resends(1, 0)));
    }

    static AttemptResult happy(RequestFamily family, Expectations expect, ResponseSnapshot snap) {
        return Evaluator.evaluate(Phase.HAPPY_PATH, TestRoutes.route(family, expect, GATEWAY_HEADERS), snap, T0, 12);
    }

    static AttemptResult error(ResponseSnapshot snap) {
        return error(snap, GATEWAY_HEADERS);
    }

    static AttemptResult error(ResponseSnapshot snap, List<String> gatewayHeaders) {
        return Evaluator.evaluate(Phase.ERROR_PATH, TestRoutes.route(RequestFamily.CHAT, FULL, gatewayHeaders), snap, T0, 12);
    }

    static final class Builder {
        private final int status;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private boolean truncated;
        private String bodyError;
        private String host = HOST;
        private Resends resent = Resends.NONE;

        Builder(int status) {
            this.status = status;
        }

        Builder header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            return this;
        }

        Builder body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Builder truncated() {
            this.truncated = true;
            this.body = new byte[0];
            return this;
        }

        Builder bodyError(String reason) {
            this.bodyError = reason;
            return this;
        }

        Builder host(String h) {
            this.host = h;
            return this;
        }

        Builder resends(int n) {
            this.resent = new Resends(resent.afterNoResponse(), n);
            return this;
        }

        /** Resends rollforward made after its own send got no response. */
        Builder resentAfterNoResponse(int n) {
            this.resent = new Resends(n, resent.afterStatus());
            return this;
        }

        ResponseSnapshot build() {
            return new ResponseSnapshot.Answer(status, headers, body, truncated, bodyError,
                    TestTrails.answered(host, status, resent));
        }
    }
}
