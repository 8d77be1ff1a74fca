package dev.rollforward.check;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.GatewayReport;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.ServedBy;
import dev.rollforward.vocabulary.ShapeSeen;
import java.time.Instant;

/** Turns one attempt's snapshot into a judged result. Pure: no network, no clock of its own. */
public final class Evaluator {

    private Evaluator() {
    }

    public static AttemptResult evaluate(Phase phase, Route route, ResponseSnapshot snap, Instant startedAt,
                                         long durationMs) {
        BodyFacts facts = !(snap instanceof ResponseSnapshot.Answer a) ? BodyFacts.of(BodyShape.EMPTY)
                : a.stream() != null ? a.stream().facts()
                : BodyClassifier.classify(a.body(), a.bodyTruncated());
        GatewayReport gateway = snap instanceof ResponseSnapshot.Answer a
                ? route.gatewayReport(a.headers())
                : GatewayReport.NONE;
        ServedBy servedBy = ServedByFacts.of(route, snap, facts, gateway);
        ShapeSeen shape = ExpectedShape.seen(phase, route, snap, facts);
        Observation seen = new Observation(snap, facts, gateway, servedBy, shape);
        return new AttemptResult(phase, snap, facts, gateway, servedBy, shape,
                DecisionTable.judge(phase, route, seen), startedAt, durationMs);
    }
}
