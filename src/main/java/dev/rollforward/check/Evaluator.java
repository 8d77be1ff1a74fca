package dev.rollforward.check;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.GatewayRetries;
import dev.rollforward.vocabulary.Judgement;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.ResponseSnapshot;

import java.time.Instant;

/** Turns one attempt's snapshot into a judged result. Pure: no network, no clock of its own. */
public final class Evaluator {

    private Evaluator() {
    }

    public static AttemptResult evaluate(Phase phase, RequestFamily family, Expectations expect,
                                         ResponseSnapshot snap, Instant startedAt, long durationMs) {
        BodyFacts facts = snap.hasStatus()
                ? BodyClassifier.classify(snap.body(), snap.bodyTruncated())
                : BodyFacts.of(BodyShape.EMPTY);
        GatewayRetries gateway = GatewayRetries.from(snap.headers(), expect.gatewayRetryHeaders());
        Judgement judgement = DecisionTable.judge(phase, family, expect, snap, facts, gateway);
        if (gateway.countUnknown()) {
            judgement = withReason(judgement, "gateway_retry_count_unknown");
        }
        return new AttemptResult(phase, snap, facts, gateway, judgement, startedAt, durationMs, family);
    }

    private static Judgement withReason(Judgement j, String reason) {
        java.util.List<String> reasons = new java.util.ArrayList<>(j.reasons());
        reasons.add(reason);
        return new Judgement(j.decision(), reasons);
    }
}
