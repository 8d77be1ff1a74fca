package dev.rollforward.vocabulary;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code base_url} that is probably a typo, and what to write instead: one that already ends in
 * the path a family adds ({@code …/chat/completions}: the request would go to that path twice),
 * or one without a version segment such as {@code /v1}, which OpenAI-compatible gateways serve
 * their API under. Either gets a 404, which reads as {@code stay} (client_error): a config typo
 * would tell on-call to keep traffic where it is.
 */
public final class BaseUrlAdvice {

    /** {@code v1}, {@code v2}, {@code v1beta}: the segment an API version lives in. */
    private static final Pattern VERSION = Pattern.compile("(?i)v\\d+[a-z0-9]*");

    private BaseUrlAdvice() {
    }

    /** What to change in the route's base_url, in one sentence; null when it looks right. */
    public static String of(Route route) {
        String base = trimSlashes(route.baseUrl());
        String path = trimSlashes(URI.create(base).getRawPath() == null ? "" : URI.create(base).getRawPath());
        for (RequestFamily f : RequestFamily.values()) {
            if (path.toLowerCase(Locale.ROOT).endsWith(f.path())) {
                String rest = base.substring(0, base.length() - f.path().length());
                return "base_url ends with " + f.path() + ", which rollforward adds itself (requests would go to "
                        + route.endpoint() + "): use base_url " + (hasVersion(rest) ? rest : rest + "/v1");
            }
        }
        if (!hasVersion(base)) {
            return "base_url has no version segment such as /v1, so requests go to " + route.endpoint()
                    + "; OpenAI-compatible gateways serve " + route.family().path() + " under /v1: use base_url " + base + "/v1";
        }
        return null;
    }

    private static boolean hasVersion(String url) {
        String path = URI.create(url).getRawPath();
        if (path == null) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (VERSION.matcher(segment).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String trimSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
