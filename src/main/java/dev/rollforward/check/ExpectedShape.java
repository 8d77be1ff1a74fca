package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.ShapeSeen;

/**
 * The one rule for "the body this attempt should get": the family's success object on the happy
 * path (as a stream that reached its end marker when the route asked for the stream), an error
 * envelope on the error path, read to its end either way.
 */
final class ExpectedShape {

    private ExpectedShape() {
    }

    static ShapeSeen seen(Phase phase, Route route, ResponseSnapshot snap, BodyFacts facts) {
        if (!(snap instanceof ResponseSnapshot.Answer answer) || facts.shape() == BodyShape.EMPTY) {
            return ShapeSeen.NONE;
        }
        boolean happy = phase == Phase.HAPPY_PATH;
        BodyShape wanted = happy ? route.family().successShape() : BodyShape.ERROR_ENVELOPE;
        boolean whole = answer.bodyError() == null && (answer.stream() == null || answer.stream().end() != null);
        boolean streamIfAsked = !happy || !route.stream() || answer.stream() != null;
        return facts.shape() == wanted && whole && streamIfAsked ? ShapeSeen.EXPECTED : ShapeSeen.UNEXPECTED;
    }
}
