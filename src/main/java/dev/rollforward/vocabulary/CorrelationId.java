package dev.rollforward.vocabulary;

/**
 * The id each request carries so the gateway's own logs can be searched for it (CONTRACT §3):
 * {@code {check_id}.{route_label}.{phase}}. Check ids and labels are limited to header-safe characters.
 */
public final class CorrelationId {

    private CorrelationId() {
    }

    public static String of(String checkId, String routeLabel, Phase phase) {
        return checkId + "." + routeLabel + "." + phase.wire();
    }
}
