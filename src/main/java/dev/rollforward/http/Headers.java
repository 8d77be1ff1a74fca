package dev.rollforward.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** OkHttp headers as the plain lower-cased map the check package reads. */
final class Headers {

    private Headers() {
    }

    static Map<String, List<String>> lowerCased(okhttp3.Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            out.computeIfAbsent(headers.name(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(headers.value(i));
        }
        return out;
    }
}
