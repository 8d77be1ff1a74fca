package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.GatewayReport;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.ServedBy;
import dev.rollforward.vocabulary.ShapeSeen;

/** Everything read from one attempt before it is judged: the snapshot and what was made of it. */
record Observation(ResponseSnapshot snap, BodyFacts facts, GatewayReport gateway, ServedBy servedBy, ShapeSeen shape) {
}
