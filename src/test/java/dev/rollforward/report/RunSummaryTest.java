package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static RunSummary of(Decision... verdicts) {
        return new RunSummary("id", DecisionCounts.of(List.of(verdicts)), "rollforward check");
    }

    @Test
    void theRunsVerdictIsTheWorstRouteVerdict() {
        assertThat(of().worst()).isEqualTo(Decision.PROMOTE);
        assertThat(of(Decision.PROMOTE, Decision.PROMOTE).worst()).isEqualTo(Decision.PROMOTE);
        assertThat(of(Decision.PROMOTE, Decision.HOLD).worst()).isEqualTo(Decision.HOLD);
        assertThat(of(Decision.HOLD, Decision.STAY, Decision.PROMOTE).worst()).isEqualTo(Decision.STAY);
    }

    @Test
    void eachVerdictIsCountedOnce() {
        DecisionCounts counts = of(Decision.HOLD, Decision.STAY, Decision.PROMOTE, Decision.HOLD).verdicts();
        assertThat(counts).isEqualTo(new DecisionCounts(1, 1, 2));
        assertThat(counts.total()).isEqualTo(4);
        assertThat(counts.count(Decision.HOLD)).isEqualTo(2);
        assertThat(counts.plus(new DecisionCounts(3, 0, 1))).isEqualTo(new DecisionCounts(4, 1, 3));
    }

    @Test
    void theCountsInWordsSayRouteOrRoutes() {
        assertThat(of(Decision.STAY).routesChecked()).isEqualTo("1 route checked: 0 promote, 1 stay, 0 hold");
        assertThat(of(Decision.PROMOTE, Decision.HOLD).routesChecked())
                .isEqualTo("2 routes checked: 1 promote, 0 stay, 1 hold");
        assertThat(of().routesChecked()).isEqualTo("0 routes checked: 0 promote, 0 stay, 0 hold");
    }
}
