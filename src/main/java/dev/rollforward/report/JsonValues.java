package dev.rollforward.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** How a record writes a value that may be missing: as JSON {@code null}, never left out. */
final class JsonValues {

    private JsonValues() {
    }

    static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }
}
