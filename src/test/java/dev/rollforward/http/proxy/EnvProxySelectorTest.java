package dev.rollforward.http.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollforward.vocabulary.ConfigException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy variables read the way curl reads them. */
class EnvProxySelectorTest {

    private static EnvProxySelector selector(String... pairs) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return EnvProxySelector.from(env);
    }

    /** "host:port" of the proxy chosen for a URL, or "DIRECT". */
    private static String via(EnvProxySelector s, String url) {
        List<Proxy> proxies = s.select(URI.create(url));
        assertThat(proxies).hasSize(1);
        Proxy p = proxies.get(0);
        if (p.type() == Proxy.Type.DIRECT) {
            return "DIRECT";
        }
        InetSocketAddress a = (InetSocketAddress) p.address();
        assertThat(a.isUnresolved()).as("the proxy's name is resolved when connecting, by OkHttp").isTrue();
        return (p.type() == Proxy.Type.SOCKS ? "socks:" : "") + a.getHostString() + ":" + a.getPort();
    }

    @Test
    void noVariablesMeansDirect() throws ConfigException {
        EnvProxySelector s = selector();
        assertThat(via(s, "https://api.cometapi.com/v1/chat/completions")).isEqualTo("DIRECT");
        assertThat(via(s, "http://127.0.0.1:8080/v1")).isEqualTo("DIRECT");
        assertThat(s.any()).isFalse();
        assertThat(EnvProxySelector.none().any()).isFalse();
    }

    @Test
    void httpsProxyIsForHttpsUrlsAndHttpProxyForHttpUrls() throws ConfigException {
        EnvProxySelector s = selector("HTTPS_PROXY", "http://secure-proxy:3128", "HTTP_PROXY", "http://plain-proxy:8080");
        assertThat(via(s, "https://api.cometapi.com/v1")).isEqualTo("secure-proxy:3128");
        assertThat(via(s, "http://gateway.internal/v1")).isEqualTo("plain-proxy:8080");

        EnvProxySelector httpsOnly = selector("HTTPS_PROXY", "http://secure-proxy:3128");
        assertThat(via(httpsOnly, "http://gateway.internal/v1")).isEqualTo("DIRECT");
    }

    @Test
    void theLowerCaseNameWinsOverTheUpperCaseOne() throws ConfigException {
        EnvProxySelector s = selector("https_proxy", "http://lower:1111", "HTTPS_PROXY", "http://upper:2222",
                "http_proxy", "http://lower:3333", "HTTP_PROXY", "http://upper:4444");
        assertThat(via(s, "https://a.example/v1")).isEqualTo("lower:1111");
        assertThat(via(s, "http://a.example/v1")).isEqualTo("lower:3333");
    }

    @Test
    void allProxyIsTheFallbackForBothSchemes() throws ConfigException {
        EnvProxySelector s = selector("all_proxy", "http://every:3128", "ALL_PROXY", "http://upper-every:3128",
                "HTTPS_PROXY", "http://secure:3128");
        assertThat(via(s, "https://a.example/v1")).isEqualTo("secure:3128");
        assertThat(via(s, "http://a.example/v1")).isEqualTo("every:3128");
    }

    @Test
    void aLowerCaseVariableSetToEmptyHidesTheUpperCaseOneAsInCurl() throws ConfigException {
        EnvProxySelector s = selector("https_proxy", "", "HTTPS_PROXY", "http://upper:2222");
        assertThat(via(s, "https://a.example/v1")).isEqualTo("DIRECT");
    }

    @ParameterizedTest
    @CsvSource({
            "proxy.corp:3128,              proxy.corp:3128",
            "proxy.corp,                   proxy.corp:1080",
            "http://proxy.corp,            proxy.corp:1080",
            "HTTP://Proxy.Corp:3128/,      Proxy.Corp:3128",
            "http://10.0.0.1:3128,         10.0.0.1:3128",
            "http://[::1]:3128,            ::1:3128",
            "socks5://127.0.0.1:1080,      socks:127.0.0.1:1080",
            "socks5h://proxy.corp,         socks:proxy.corp:1080",
            "'  http://proxy.corp:3128  ', proxy.corp:3128",
    })
    void proxyUrlsAreReadLikeCurlReadsThem(String value, String expected) throws ConfigException {
        assertThat(via(selector("HTTPS_PROXY", value), "https://a.example/v1")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://proxy.corp:3128", "ftp://proxy.corp", "http://:3128", "http://proxy.corp:99999",
            "http://proxy.corp:port", "http://[::1", "socks5://user:s3cret-Passw0rd@proxy.corp", "http://prox y:3128"})
    void aProxyUrlThatCannotBeUsedIsAConfigErrorNamingTheVariableNotTheValue(String value) {
        assertThatThrownBy(() -> selector("HTTPS_PROXY", value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment variable HTTPS_PROXY ")
                .hasMessageNotContaining("proxy.corp")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void credentialsInTheProxyUrlAreKeptAsSecretsDecoded() throws ConfigException {
        EnvProxySelector s = selector("HTTPS_PROXY", "http://alice:p%40ss-w0rd%21@proxy.corp:3128");
        assertThat(via(s, "https://a.example/v1")).isEqualTo("proxy.corp:3128");
        assertThat(s.secrets()).contains("p@ss-w0rd!", "p%40ss-w0rd%21");
        assertThat(s.describe()).contains("proxy.corp:3128", "HTTPS_PROXY", "with credentials")
                .doesNotContain("alice").doesNotContain("w0rd");
    }

    @Test
    void aBrokenPercentEscapeInTheCredentialsIsAConfigError() {
        assertThatThrownBy(() -> selector("HTTP_PROXY", "http://alice:secret%zz@proxy.corp:3128"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HTTP_PROXY")
                .hasMessageNotContaining("secret%zz");
    }

    // ---- NO_PROXY ----

    @ParameterizedTest
    @CsvSource({
            // entry,                   url,                                       direct?
            "api.cometapi.com,          https://api.cometapi.com/v1,               true",
            "cometapi.com,              https://api.cometapi.com/v1,               true",
            ".cometapi.com,             https://api.cometapi.com/v1,               true",
            "*.cometapi.com,            https://api.cometapi.com/v1,               true",
            ".cometapi.com,             https://cometapi.com/v1,                   true",
            "cometapi.com,              https://notcometapi.com/v1,                false",
            "api.cometapi.com,          https://cometapi.com/v1,                   false",
            "API.CometAPI.com,          https://api.cometapi.com/v1,               true",
            "api.cometapi.com,          https://api.cometapi.com./v1,              true",
            "api.cometapi.com:443,      https://api.cometapi.com/v1,               true",
            "api.cometapi.com:8443,     https://api.cometapi.com/v1,               false",
            "api.cometapi.com:8443,     https://api.cometapi.com:8443/v1,          true",
            "127.0.0.1,                 http://127.0.0.1:8080/v1,                  true",
            "127.0.0.1,                 http://127.0.0.10:8080/v1,                 false",
            "0.0.1,                     http://127.0.0.1:8080/v1,                  false",
            "10.0.0.0/8,                http://10.20.30.40/v1,                     true",
            "10.0.0.0/8,                http://11.0.0.1/v1,                        false",
            "10.0.0.0/8,                http://ten.example/v1,                     false",
            "::1,                       http://[::1]:8080/v1,                      true",
            "[::1],                     http://[::1]:8080/v1,                      true",
            "[::1]:8080,                http://[::1]:8080/v1,                      true",
            "[::1]:9090,                http://[::1]:8080/v1,                      false",
            "fd00::/8,                  http://[fd12:3456::1]/v1,                  true",
            "localhost,                 http://127.0.0.1/v1,                       false",
    })
    void noProxyEntriesMatchLikeCurl(String entry, String url, boolean direct) throws ConfigException {
        EnvProxySelector s = selector("HTTPS_PROXY", "http://proxy:3128", "HTTP_PROXY", "http://proxy:3128",
                "NO_PROXY", entry);
        assertThat(via(s, url)).isEqualTo(direct ? "DIRECT" : "proxy:3128");
    }

    @Test
    void noProxyIsACommaSeparatedListWithSpaces() throws ConfigException {
        EnvProxySelector s = selector("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", "localhost, .internal ,, 10.0.0.0/8");
        assertThat(via(s, "https://localhost/v1")).isEqualTo("DIRECT");
        assertThat(via(s, "https://gw.internal/v1")).isEqualTo("DIRECT");
        assertThat(via(s, "https://10.1.2.3/v1")).isEqualTo("DIRECT");
        assertThat(via(s, "https://api.cometapi.com/v1")).isEqualTo("proxy:3128");
    }

    @Test
    void aStarAloneMeansNoProxyForAnything() throws ConfigException {
        EnvProxySelector s = selector("HTTPS_PROXY", "http://proxy:3128", "HTTP_PROXY", "http://proxy:3128", "NO_PROXY", "*");
        assertThat(via(s, "https://api.cometapi.com/v1")).isEqualTo("DIRECT");
        assertThat(via(s, "http://api.cometapi.com/v1")).isEqualTo("DIRECT");
        assertThat(s.any()).isFalse();
    }

    @Test
    void lowerCaseNoProxyWinsOverUpperCase() throws ConfigException {
        EnvProxySelector s = selector("HTTPS_PROXY", "http://proxy:3128", "no_proxy", "a.example", "NO_PROXY", "b.example");
        assertThat(via(s, "https://a.example/v1")).isEqualTo("DIRECT");
        assertThat(via(s, "https://b.example/v1")).isEqualTo("proxy:3128");
    }

    @Test
    void unreadableNoProxyEntriesMatchNothing() throws ConfigException {
        EnvProxySelector s = selector("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", "10.0.0.0/99,[::1,host:port,a.example");
        assertThat(via(s, "https://10.0.0.1/v1")).isEqualTo("proxy:3128");
        assertThat(via(s, "https://a.example/v1")).isEqualTo("DIRECT");
    }

    @Test
    void otherSchemesAndHostlessUrisGoDirect() throws ConfigException {
        EnvProxySelector s = selector("ALL_PROXY", "http://proxy:3128");
        assertThat(via(s, "ws://a.example/socket")).isEqualTo("DIRECT");
        assertThat(s.select(URI.create("https:///v1"))).containsExactly(Proxy.NO_PROXY);
    }
}
