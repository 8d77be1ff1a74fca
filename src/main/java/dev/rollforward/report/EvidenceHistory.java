package dev.rollforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollforward.vocabulary.Previous;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code rollforward history}: every route's checks in an evidence log, in time order, and what
 * changed at each step (CONTRACT §8). The log is read once, start to end, from a snapshot taken
 * between two writers' routes, and never written. Lines that are not whole records are counted.
 */
public final class EvidenceHistory {

    /** One check and what changed since the route's check before it in time (none for the first). */
    record Step(HistoryCheck check, String previousCheckId, List<Previous.Change> changed) {
    }

    private final Map<String, List<Step>> routes;
    private final int skipped;
    private final boolean endsMidLine;

    private EvidenceHistory(Map<String, List<Step>> routes, int skipped, boolean endsMidLine) {
        this.routes = routes;
        this.skipped = skipped;
        this.endsMidLine = endsMidLine;
    }

    /**
     * @param only the route labels to keep; empty keeps every route
     * @throws EvidenceLogUnreadable when the log does not exist or cannot be read
     */
    public static EvidenceHistory read(Path log, Collection<String> only) throws EvidenceLogUnreadable {
        try {
            return readOrFail(log, only);
        } catch (IOException e) {
            throw new EvidenceLogUnreadable(log, e);
        }
    }

    private static EvidenceHistory readOrFail(Path log, Collection<String> only) throws IOException {
        Set<String> wanted = Set.copyOf(only);
        Map<String, List<HistoryCheck>> checks = new TreeMap<>();
        Map<String, String> pool = new HashMap<>();
        UnaryOperator<String> same = v -> v == null ? null : pool.computeIfAbsent(v, k -> k);
        int[] skipped = {0};
        long[] order = {0};
        boolean midLine;
        try (EvidenceSnapshot snapshot = EvidenceSnapshot.open(log)) {
            midLine = EvidenceLines.forEach(snapshot, new EvidenceLines.Visitor() {
                @Override
                public void line(byte[] data, int offset, int length) {
                    if (EvidenceRecord.isBlank(data, offset, length)) {
                        return;
                    }
                    JsonNode record = EvidenceRecord.parse(data, offset, length);
                    if (record == null) {
                        skipped[0]++;
                    } else if (EvidenceRecord.isVerdict(record)
                            && (wanted.isEmpty() || wanted.contains(record.get("route_label").asText()))) {
                        HistoryCheck c = HistoryCheck.of(record, order[0]++, same);
                        checks.computeIfAbsent(c.routeLabel(), k -> new ArrayList<>()).add(c);
                    }
                }

                @Override
                public void tooLong() {
                    skipped[0]++;
                }
            });
        }
        Map<String, List<Step>> routes = new TreeMap<>();
        checks.forEach((label, list) -> routes.put(label, steps(list)));
        return new EvidenceHistory(routes, skipped[0], midLine);
    }

    private static List<Step> steps(List<HistoryCheck> checks) {
        checks.sort(Comparator.comparing(HistoryCheck::time).thenComparingLong(HistoryCheck::order));
        List<Step> steps = new ArrayList<>(checks.size());
        HistoryCheck before = null;
        for (HistoryCheck c : checks) {
            steps.add(before == null ? new Step(c, null, List.of())
                    : new Step(c, before.checkId(), ComparedField.between(before.compared(), c.compared())));
            before = c;
        }
        return steps;
    }

    /** Route labels, sorted. */
    public List<String> routes() {
        return List.copyOf(routes.keySet());
    }

    List<Step> steps(String route) {
        return routes.getOrDefault(route, List.of());
    }

    public int checks() {
        return routes.values().stream().mapToInt(List::size).sum();
    }

    /** For stderr: how much was read, what was skipped, and each route asked for that has no check. */
    public List<String> notes(Path log, Collection<String> asked) {
        List<String> notes = new ArrayList<>();
        int checks = checks();
        if (checks == 0 && asked.isEmpty()) {
            notes.add("history: " + log + " holds no checks yet");
        } else {
            int n = routes.size();
            notes.add("history: " + checks + (checks == 1 ? " check" : " checks") + " of " + n + (n == 1 ? " route" : " routes")
                    + " in " + log);
        }
        for (String route : new LinkedHashSet<>(asked)) {
            if (!routes.containsKey(route)) {
                notes.add("history: no check of route " + route + " in " + log);
            }
        }
        if (skipped > 0) {
            notes.add("history: skipped " + skipped + (skipped == 1 ? " line that is" : " lines that are")
                    + " not a whole record (torn by a writer that stopped part way, or written by another tool)");
        }
        if (endsMidLine) {
            notes.add("history: the last line of " + log + " has no line break: its writer stopped part way");
        }
        return notes;
    }

    /** Lines that are not whole records: torn by a writer that died, or written by another tool. */
    public int skipped() {
        return skipped;
    }

    /** The last line has no line break: the writer of that line stopped part way. */
    public boolean endsMidLine() {
        return endsMidLine;
    }
}
