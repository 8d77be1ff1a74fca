package dev.rollforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollforward.vocabulary.Previous;
import dev.rollforward.vocabulary.RouteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The evidence log's last verdict of each route about to be checked, read once before anything
 * is sent, and what each new verdict is compared with for its {@code previous} (CONTRACT §8).
 */
public final class LastChecks {

    private static final LastChecks NONE = new LastChecks(null);

    /** Label → last whole verdict record; null when no evidence log is in use. */
    private final Map<String, JsonNode> verdicts;

    private LastChecks(Map<String, JsonNode> verdicts) {
        this.verdicts = verdicts;
    }

    /** No evidence log: verdict records carry no {@code previous}. */
    public static LastChecks none() {
        return NONE;
    }

    /** @throws IOException when the log cannot be read (it exists: the evidence log sink made it) */
    public static LastChecks read(Path log, Collection<String> labels) throws IOException {
        try (EvidenceSnapshot snapshot = EvidenceSnapshot.open(log)) {
            return new LastChecks(EvidenceTail.lastVerdicts(snapshot, Set.copyOf(labels)));
        }
    }

    /** The result with its {@code previous}: the route's last check, and what its verdict record changes. */
    public RouteResult attach(RouteResult result, RecordJson json) {
        if (verdicts == null) {
            return result.withPrevious(Previous.NOT_LOOKED_UP);
        }
        JsonNode was = verdicts.get(result.label());
        if (was == null) {
            return result.withPrevious(Previous.FIRST_CHECK);
        }
        JsonNode now = EvidenceRecord.parse(json.verdict(result.withPrevious(Previous.NOT_LOOKED_UP)));
        return result.withPrevious(new Previous.Check(EvidenceRecord.text(was, "check_id"),
                EvidenceRecord.text(was, "started_at"), EvidenceRecord.text(was, "fallback_decision"),
                ComparedField.between(ComparedField.valuesOf(was), ComparedField.valuesOf(now))));
    }
}
