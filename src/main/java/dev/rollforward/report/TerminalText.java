package dev.rollforward.report;

/**
 * Text made harmless for a terminal: the control characters (C0 but the line break, DEL, C1) that
 * move the cursor, clear the screen, retitle the window or ring the bell are shown as text
 * (ESC as backslash, x, 1b).
 * Used by {@link Console} alone, on everything it prints.
 */
final class TerminalText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {
    }

    /** For stderr: a control character becomes backslash, x and its two hex digits. */
    static String escape(String text) {
        return replace(text, "\\x", 2, true);
    }

    /**
     * For a JSON record on stdout: Jackson escapes C0 inside strings but writes DEL and C1 as they
     * are; here they become JSON's own escape (backslash, u, four hex digits), so the record stays the same JSON. A record
     * is one line: a raw line break would be one too.
     */
    static String jsonLine(String json) {
        return replace(json, "\\" + "u", 4, false);
    }

    private static String replace(String text, String prefix, int digits, boolean keepNewline) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && !(keepNewline && c == '\n') || c == 0x7f || c >= 0x80 && c <= 0x9f;
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (control) {
                sb.append(prefix);
                for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                    sb.append(HEX[(c >> shift) & 0xf]);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
