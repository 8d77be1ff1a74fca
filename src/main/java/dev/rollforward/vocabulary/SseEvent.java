package dev.rollforward.vocabulary;

/**
 * One server-sent event as dispatched: its {@code event:} name (null when the event named none)
 * and its {@code data:} lines joined by line feeds.
 */
public record SseEvent(String name, String data) {
}
