package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;

/** Text put into markdown so that it shows as itself: redacted, on one line, unable to open HTML or leave its cell. */
final class MarkdownText {

    private final Redactor redactor;

    MarkdownText(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Text on one line, redacted, with no way to open HTML. */
    String inline(String text) {
        if (text == null) {
            return "";
        }
        return redactor.redact(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ')
                .replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Inline text that cannot break out of a table cell. */
    String cell(String text) {
        return inline(text).replace("\\", "\\\\").replace("|", "\\|");
    }

    /** An inline code span that shows the text exactly, whatever backticks it holds. */
    String code(String text) {
        String t = redactor.redact(text == null ? "" : text).replace("\r", " ").replace("\n", " ");
        String ticks = "`".repeat(longestRun(t) + 1);
        String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
        return ticks + pad + t + pad + ticks;
    }

    /** A fence longer than any run of backticks in the text, so the text cannot close it. */
    static String fence(String text) {
        return "`".repeat(Math.max(3, longestRun(text) + 1));
    }

    private static int longestRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
