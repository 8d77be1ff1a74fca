package dev.rollforward.report;

import dev.rollforward.vocabulary.RequestFamily;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run as a separate process by {@link EvidenceLogTest}: {@code FILE PREFIX N} appends N routes to
 * one evidence log; {@code FILE --hold MS} holds the file's lock for MS milliseconds, saying
 * {@code locked} on stdout once it has it.
 */
public final class EvidenceLogAppender {

    private EvidenceLogAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (args[1].equals("--hold")) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    StandardOpenOption.CREATE);
                 FileLock lock = ch.lock()) {
                System.out.println("locked " + lock.isValid());
                System.out.flush();
                Thread.sleep(Long.parseLong(args[2]));
                ch.write(java.nio.ByteBuffer.wrap("{\"record\":\"held\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return;
        }
        String prefix = args[1];
        int routes = Integer.parseInt(args[2]);
        EvidenceLog log = new EvidenceLog(file, new RecordJson(Results.CHECK_ID, Results.REDACTOR), Results.REDACTOR);
        for (int i = 0; i < routes; i++) {
            log.accept(Results.promote(prefix + "-" + i, i % 2 == 0 ? RequestFamily.CHAT : RequestFamily.RESPONSES,
                    Results.REVIEW));
        }
    }
}
