package dev.rollforward.report;

import dev.rollforward.vocabulary.RequestFamily;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run as a separate process by {@link EvidenceLogTest}, which drives it through stdin and stdout:
 * {@code FILE PREFIX N} says {@code ready}, waits for a line, then appends N routes to one
 * evidence log; {@code FILE --hold} takes the file's lock, says {@code locked}, and holds it
 * until it reads a line, then writes a {@code held} record and lets go.
 */
public final class EvidenceLogAppender {

    private EvidenceLogAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args[1].equals("--hold")) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    StandardOpenOption.CREATE);
                 FileLock lock = ch.lock()) {
                say("locked " + lock.isValid());
                stdin.readLine();
                ch.write(ByteBuffer.wrap("{\"record\":\"held\"}\n".getBytes(StandardCharsets.UTF_8)));
            }
            return;
        }
        say("ready");
        stdin.readLine();
        append(file, args[1], Integer.parseInt(args[2]));
    }

    /** Appends {@code routes} promoted routes labelled {@code PREFIX-i}, one {@link EvidenceLog#accept} each. */
    static void append(Path file, String prefix, int routes) {
        EvidenceLog log = new EvidenceLog(file, new RecordJson(Results.CHECK_ID, Results.REDACTOR), Results.REDACTOR);
        for (int i = 0; i < routes; i++) {
            log.accept(Results.promote(prefix + "-" + i, i % 2 == 0 ? RequestFamily.CHAT : RequestFamily.RESPONSES,
                    Results.REVIEW));
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
