package dev.rollforward.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person sees on a terminal after it has been sent {@code output}: the lines on screen,
 * with carriage returns, "erase to end of line" (ESC [ K) and colours (ESC [ … m) applied.
 */
public final class Terminal {

    private Terminal() {
    }

    public static List<String> render(String output) {
        List<String> screen = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int cursor = 0;
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\n') {
                screen.add(line.toString());
                line.setLength(0);
                cursor = 0;
            } else if (c == '\r') {
                cursor = 0;
            } else if (c == '\033' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < output.length() && !Character.isLetter(output.charAt(end))) {
                    end++;
                }
                if (end < output.length() && output.charAt(end) == 'K') {
                    line.setLength(cursor);
                }
                i = end;
            } else {
                if (cursor < line.length()) {
                    line.setCharAt(cursor, c);
                } else {
                    line.append(c);
                }
                cursor++;
            }
        }
        if (line.length() > 0) {
            screen.add(line.toString());
        }
        return screen;
    }
}
