package dev.rollforward.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.report.Console;
import dev.rollforward.report.RecordJson;
import dev.rollforward.report.StderrTable;
import dev.rollforward.report.StdoutRecords;
import dev.rollforward.secrets.Redactor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Under --quiet stderr gets errors only, so the table for a person is not even built. */
class OutputSinksTest {

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theTableIsLeftOutUnderQuiet() {
        Console quiet = new Console(NOWHERE, NOWHERE, true, false);

        assertThat(OutputSinks.build(ReportFiles.NONE, Map.of(), quiet, new RecordJson("c1", Redactor.none()), List.of()))
                .noneMatch(StderrTable.class::isInstance).hasAtLeastOneElementOfType(StdoutRecords.class);
    }

    @Test
    void otherwiseTheRecordsAndTheTable() {
        Console normal = new Console(NOWHERE, NOWHERE, false, false);

        assertThat(OutputSinks.build(ReportFiles.NONE, Map.of(), normal, new RecordJson("c1", Redactor.none()), List.of()))
                .hasAtLeastOneElementOfType(StdoutRecords.class).hasAtLeastOneElementOfType(StderrTable.class);
    }
}
