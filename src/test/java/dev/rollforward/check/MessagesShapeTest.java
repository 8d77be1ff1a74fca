package dev.rollforward.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Messages API's success object and error envelope (CONTRACT §5). */
class MessagesShapeTest {

    private static BodyFacts classify(String body) {
        return BodyClassifier.classify(body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void aMessageIsTheMessagesSuccessShape() {
        BodyFacts f = classify(StreamBodies.MESSAGE);
        assertThat(f.shape()).isEqualTo(BodyShape.MESSAGE);
        assertThat(f.idPresent()).isTrue();
        assertThat(f.model()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(f.completionMarker()).isEqualTo("end_turn");
        assertThat(f.usagePresent()).isTrue();
    }

    @Test
    void aMessageNeedsItsIdTheAssistantRoleAndAContentArray() {
        assertThat(classify(StreamBodies.MESSAGE.replace("\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",", "")).shape())
                .isEqualTo(BodyShape.OTHER_JSON);
        assertThat(classify(StreamBodies.MESSAGE.replace("\"role\":\"assistant\"", "\"role\":\"user\"")).shape())
                .isEqualTo(BodyShape.OTHER_JSON);
        assertThat(classify(StreamBodies.MESSAGE.replace("\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]", "\"content\":\"ok\"")).shape())
                .isEqualTo(BodyShape.OTHER_JSON);
    }

    @Test
    void anthropicsErrorEnvelopeIsAnErrorWithItsType() {
        BodyFacts f = classify(StreamBodies.MESSAGES_401);
        assertThat(f.shape()).isEqualTo(BodyShape.ERROR_ENVELOPE);
        assertThat(f.errorCode()).isEqualTo("authentication_error");
        assertThat(classify(StreamBodies.MESSAGES_529).errorCode()).isEqualTo("overloaded_error");
    }

    @Test
    void aMessageIsNoOtherFamilysShape() {
        assertThat(BodyShape.MESSAGE.isSuccessOf(dev.rollforward.vocabulary.RequestFamily.MESSAGES)).isTrue();
        assertThat(BodyShape.MESSAGE.isSuccessOf(dev.rollforward.vocabulary.RequestFamily.CHAT)).isFalse();
    }
}
