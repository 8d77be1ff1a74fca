package dev.rollforward.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/**
 * Tells an attempt's {@link AttemptTrace} what each send's connection did: OkHttp opens a
 * connection (connectStart) only when none in the pool could be reused, so a send that acquired
 * one without opening it went out on a keep-alive connection.
 */
final class SendEvents extends EventListener {

    static final EventListener.Factory FACTORY = call -> {
        AttemptTrace trace = call.request().tag(AttemptTrace.class);
        return trace == null ? EventListener.NONE : new SendEvents(trace);
    };

    private final AttemptTrace trace;

    private SendEvents(AttemptTrace trace) {
        this.trace = trace;
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        trace.connecting();
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        trace.connectionAcquired();
    }

    @Override
    public void responseHeadersStart(Call call) {
        trace.answered(); // OkHttp signals it once the status line and headers were read
    }
}
