package dev.rollforward.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where text is made safe to show. Removes the run's credential values and
 * any 8+ character piece of them, credential header values, and key-looking tokens.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    /** The most of a piece of evidence (a header value, a model name) a record shows. */
    public static final int EVIDENCE_MAX_CHARS = 200;

    /** C0 controls, DEL and C1 controls: they can rewrite a terminal or a log line. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f-\\x9f]");

    /** Pieces this long of a credential are treated as the credential (a key cut in two still leaks). */
    static final int WINDOW = 8;

    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)\\b(?:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"
                    + "|\\bsk-[A-Za-z0-9_-]{12,}"
                    + "|\\bsk_(?:live|test)_[A-Za-z0-9]{12,}"
                    + "|\\b(?:ghp|gho|ghs|github_pat|xox[abpr])_?[A-Za-z0-9_-]{16,}"
                    + "|\\bAKIA[0-9A-Z]{16}\\b"
                    + "|\\bAIza[0-9A-Za-z_-]{30,}"
                    + "|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

    private final List<String> secrets = new ArrayList<>();
    private final Set<String> windows = new HashSet<>();

    public Redactor(Collection<String> credentials) {
        for (String c : credentials) {
            if (c == null || c.length() < 4) {
                continue;
            }
            secrets.add(c);
            for (int i = 0; i + WINDOW <= c.length(); i++) {
                String w = c.substring(i, i + WINDOW);
                if (distinctive(w)) {
                    windows.add(w);
                }
            }
        }
    }

    /**
     * A piece of a key worth hunting for: not plain lower-case words (which would also match
     * reason codes such as {@code disabled_credential_accepted}) and not one repeated character.
     */
    private static boolean distinctive(String w) {
        boolean wordLike = w.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch == '_' || ch == '-');
        boolean repeated = w.chars().allMatch(ch -> ch == w.charAt(0));
        return !wordLike && !repeated;
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** True when a config value has the look of a key: refused before anything is sent. */
    public static boolean looksLikeSecret(String value) {
        return value != null && KEY_LIKE.matcher(value).find();
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = removeCredentials(text);
        out = CredentialHeaders.IN_TEXT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        return KEY_LIKE.matcher(out).replaceAll(MASK);
    }

    /**
     * A value an upstream or gateway sent (a served-by header, a model name), made safe to show:
     * control characters removed, then redacted, then cut to {@value #EVIDENCE_MAX_CHARS} characters.
     * Null stays null.
     */
    public String evidence(String value) {
        if (value == null) {
            return null;
        }
        String safe = redact(CONTROL.matcher(value).replaceAll("").strip());
        if (safe.codePointCount(0, safe.length()) <= EVIDENCE_MAX_CHARS) {
            return safe;
        }
        return safe.substring(0, safe.offsetByCodePoints(0, EVIDENCE_MAX_CHARS));
    }

    /** True when the text holds a credential of this run, or 8+ characters of one. */
    public boolean containsCredential(String text) {
        return text != null && !removeCredentials(text).equals(text);
    }

    private String removeCredentials(String text) {
        if (secrets.isEmpty()) {
            return text;
        }
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        for (int i = 0; i + WINDOW <= text.length(); i++) {
            if (windows.contains(text.substring(i, i + WINDOW))) {
                java.util.Arrays.fill(masked, i, i + WINDOW, true);
                any = true;
            }
        }
        for (String s : secrets) {
            for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
                java.util.Arrays.fill(masked, at, at + s.length(), true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                sb.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                sb.append(MASK);
            }
        }
        return sb.toString();
    }
}
