package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.GatewayReport;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.ServedBy;
import java.net.URI;

/** Collects what an answer said about who served it, for the record and for the expectations. */
final class ServedByFacts {

    private ServedByFacts() {
    }

    static ServedBy of(Route route, ResponseSnapshot snap, BodyFacts facts, GatewayReport gateway) {
        Expectations e = route.expect();
        return new ServedBy(route.gateway().wire(), present(gateway.target()), hostOf(gateway.apiBase()),
                present(facts.model()),
                e.upstreamHeaderName() == null ? null : present(snap.header(e.upstreamHeaderName())),
                e.routeLabelHeader() == null ? null : present(snap.header(e.routeLabelHeader())));
    }

    /** A blank value is no evidence (Portkey answers an unsent trace id with an empty header). */
    static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The host of the upstream URL a gateway reported ({@code https://api.openai.com/v1}, or a bare host). */
    static String hostOf(String url) {
        String v = present(url);
        if (v == null) {
            return null;
        }
        try {
            String host = URI.create(v.contains("://") ? v.strip() : "//" + v.strip()).getHost();
            return host == null || host.isEmpty() ? null : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
