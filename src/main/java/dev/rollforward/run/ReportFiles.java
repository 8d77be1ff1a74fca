package dev.rollforward.run;

import java.nio.file.Path;

/** The files a check writes besides stdout and stderr; a null one is not written. */
public record ReportFiles(Path evidenceLog, Path junit, Path markdown) {

    public static final ReportFiles NONE = new ReportFiles(null, null, null);
}
