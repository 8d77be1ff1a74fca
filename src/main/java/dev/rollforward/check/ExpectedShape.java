package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.ShapeSeen;

/**
 * The one rule for "the body this attempt should get": the family's success object on the happy
 * path, an error envelope on the error path, read to its end either way.
 */
final class ExpectedShape {

    private ExpectedShape() {
    }

    static ShapeSeen seen(Phase phase, RequestFamily family, ResponseSnapshot snap, BodyFacts facts) {
        if (!(snap instanceof ResponseSnapshot.Answer answer) || facts.shape() == BodyShape.EMPTY) {
            return ShapeSeen.NONE;
        }
        BodyShape wanted = phase == Phase.HAPPY_PATH ? family.successShape() : BodyShape.ERROR_ENVELOPE;
        return facts.shape() == wanted && answer.bodyError() == null ? ShapeSeen.EXPECTED : ShapeSeen.UNEXPECTED;
    }
}
