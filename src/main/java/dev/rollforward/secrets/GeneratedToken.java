package dev.rollforward.secrets;

/**
 * A key without a telling prefix: a run of 20 or more letters and digits, with no separator, that
 * mixes upper case, lower case and digits (from 32 characters on, letters alone) as often as a
 * generator does. Names, labels, model ids, UUIDs, dates and hex ids (commit hashes, account ids in gateway
 * URLs) break into short runs or keep to one case, so they do not count; camelCase words change case
 * only at word starts, far less often than random text does.
 */
public final class GeneratedToken {

    /** 20 random letters and digits are over 110 bits: no name is that long without a separator. */
    static final int MIN_LENGTH = 20;
    static final int LETTERS_ONLY_LENGTH = 32;

    private GeneratedToken() {
    }

    /** True when the text holds such a run anywhere (a header value, a URL path segment, ...). */
    public static boolean within(String text) {
        if (text == null) {
            return false;
        }
        int i = 0;
        while (i < text.length()) {
            if (!isAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isAlnum(text.charAt(i))) {
                i++;
            }
            if (looksGenerated(text, start, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksGenerated(String s, int from, int to) {
        int length = to - from;
        if (length < MIN_LENGTH) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int switches = 0;
        for (int i = from; i < to; i++) {
            int kind = kind(s.charAt(i));
            upper |= kind == 0;
            lower |= kind == 1;
            digit |= kind == 2;
            if (i > from && kind != kind(s.charAt(i - 1))) {
                switches++;
            }
        }
        // Random base62 changes kind at about 6 of 10 characters; words and camelCase at under 1 in 3.
        // One key in 300 of 32 characters has no digit, so from there on letters alone may do.
        return upper && lower && (digit || length >= LETTERS_ONLY_LENGTH) && switches * 3 >= length;
    }

    private static int kind(char c) {
        return c >= 'A' && c <= 'Z' ? 0 : c >= 'a' && c <= 'z' ? 1 : 2;
    }

    private static boolean isAlnum(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
