package dev.rollforward.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portkey's path to the target that answered ({@code x-portkey-last-used-option-index}): {@code config}
 * (no strategy), {@code config.targets[1]}, or nested {@code config.targets[0].targets[1]}; as the list
 * of target indexes along the way.
 */
public record OptionIndex(List<Integer> steps) {

    private static final Pattern PATH = Pattern.compile("config((?:\\.targets\\[\\d{1,4}])*)");
    private static final Pattern STEP = Pattern.compile("\\.targets\\[(\\d{1,4})]");

    public OptionIndex {
        steps = List.copyOf(steps);
    }

    /** The path in a header or a config value, or null when it is not one. */
    public static OptionIndex parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher whole = PATH.matcher(text.strip());
        if (!whole.matches()) {
            return null;
        }
        List<Integer> steps = new ArrayList<>();
        Matcher step = STEP.matcher(whole.group(1));
        while (step.find()) {
            steps.add(Integer.parseInt(step.group(1)));
        }
        return new OptionIndex(steps);
    }

    /**
     * The answer from {@code actual} came from this (expected) target: the same path, a path inside it,
     * or {@code config}, the only target of a config with no strategy, where only first targets are expected.
     */
    public boolean served(OptionIndex actual) {
        if (actual.steps.isEmpty()) {
            return steps.stream().allMatch(i -> i == 0);
        }
        return actual.steps.size() >= steps.size() && actual.steps.subList(0, steps.size()).equals(steps);
    }

    /**
     * Targets passed over between this (expected) target and {@code actual}: at the first level where
     * the paths part, how far the actual index is past the expected one (N − M); 0 when it is not past.
     */
    public int fallbacksTo(OptionIndex actual) {
        if (served(actual)) {
            return 0;
        }
        for (int i = 0; i < steps.size() && i < actual.steps.size(); i++) {
            int passed = actual.steps.get(i) - steps.get(i);
            if (passed != 0) {
                return Math.max(0, passed);
            }
        }
        return 0;
    }
}
