package dev.rollforward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.ResponseSnapshot;

/** The two outcomes of a send, asserted before a test reads their fields. */
final class Snapshots {

    private Snapshots() {
    }

    static ResponseSnapshot.Answer answer(ResponseSnapshot s) {
        assertThat(s).isInstanceOf(ResponseSnapshot.Answer.class);
        return (ResponseSnapshot.Answer) s;
    }

    static ResponseSnapshot.NoAnswer noAnswer(ResponseSnapshot s) {
        assertThat(s).isInstanceOf(ResponseSnapshot.NoAnswer.class);
        return (ResponseSnapshot.NoAnswer) s;
    }
}
