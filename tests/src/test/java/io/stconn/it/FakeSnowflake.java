package io.stconn.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in for Snowflake's service on 127.0.0.1, enough for the real snowflake-jdbc to log in
 * and run a query: it records every request (bodies un-gzipped) and answers
 * {@code POST /session/v1/login-request} and {@code POST /queries/v1/query-request} with the JSON
 * shapes Snowflake's service uses; every other call (telemetry, heartbeat, session delete) gets a
 * bare success. Each query returns one text column {@code V} holding {@link #MARKER}.
 * As an extension it stops after each test, after the pools that used it (register it first).
 */
final class FakeSnowflake implements AfterEachCallback, AutoCloseable {
    static final String MARKER = "from-fake-snowflake";

    /** One HTTP request as the fake saw it. */
    record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                   String body) {
        /** Everything the request carried, as text: where a secret must not be. */
        String everything() {
            return method + " " + path + " " + query + " " + headers + " " + body;
        }

        /** The "data" object of a JSON body. */
        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) ((Map<String, Object>) Json.parse(body)).get("data");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-snowflake");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong sessions = new AtomicLong(1000);

    FakeSnowflake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new AssertionError("cannot start the fake Snowflake", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> logins() {
        return requests.stream().filter(r -> r.path().equals("/session/v1/login-request")).toList();
    }

    List<Request> queries() {
        return requests.stream().filter(r -> r.path().equals("/queries/v1/query-request")).toList();
    }

    /** The first login; fails when there was none. */
    Request login() {
        List<Request> logins = logins();
        if (logins.isEmpty()) {
            throw new AssertionError("snowflake-jdbc sent no login request; requests: " + requests);
        }
        return logins.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            String body = new String(encoding != null && encoding.equalsIgnoreCase("gzip") ? gunzip(raw) : raw,
                    StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), headers, body);
            requests.add(request);
            String answer = switch (request.path()) {
                case "/session/v1/login-request" -> loginAnswer(request);
                case "/queries/v1/query-request" -> queryAnswer();
                default -> "{\"data\":null,\"code\":null,\"message\":null,\"success\":true}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // what Snowflake answers a successful login with: tokens, the session, where it landed
    private String loginAnswer(Request request) {
        long session = sessions.incrementAndGet();
        Map<String, String> q = request.query();
        return "{\"data\":{\"masterToken\":\"master-" + session + "\",\"token\":\"session-" + session + "\","
                + "\"validityInSeconds\":3600,\"masterValidityInSeconds\":14400,\"displayUserName\":\"FAKE\","
                + "\"serverVersion\":\"9.1.0\",\"firstLogin\":false,\"remMeToken\":null,\"remMeValidityInSeconds\":0,"
                + "\"healthCheckInterval\":45,\"newClientForUpgrade\":null,\"sessionId\":" + session + ","
                + "\"parameters\":[{\"name\":\"AUTOCOMMIT\",\"value\":true},"
                + "{\"name\":\"CLIENT_PREFETCH_THREADS\",\"value\":4}],"
                + "\"sessionInfo\":{\"databaseName\":" + quoted(q.get("databaseName")) + ",\"schemaName\":"
                + quoted(q.get("schemaName")) + ",\"warehouseName\":" + quoted(q.get("warehouse")) + ",\"roleName\":"
                + quoted(q.get("roleName") == null ? "PUBLIC" : q.get("roleName")) + "},"
                + "\"idToken\":null,\"idTokenValidityInSeconds\":0,\"responseData\":null,\"mfaToken\":null,"
                + "\"mfaTokenValidityInSeconds\":0},\"code\":null,\"message\":null,\"success\":true}";
    }

    private static String queryAnswer() {
        return "{\"data\":{\"parameters\":[],\"rowtype\":[{\"name\":\"V\",\"database\":\"\",\"schema\":\"\","
                + "\"table\":\"\",\"type\":\"text\",\"byteLength\":16777216,\"length\":16777216,\"scale\":null,"
                + "\"precision\":null,\"nullable\":true,\"collation\":null}],\"rowset\":[[\"" + MARKER + "\"]],"
                + "\"total\":1,\"returned\":1,\"queryId\":\"" + UUID.randomUUID() + "\",\"databaseProvider\":null,"
                + "\"finalDatabaseName\":null,\"finalSchemaName\":null,\"finalWarehouseName\":null,"
                + "\"finalRoleName\":\"PUBLIC\",\"numberOfBinds\":0,\"arrayBindSupported\":false,"
                + "\"statementTypeId\":4096,\"version\":1,\"sendResultTime\":" + System.currentTimeMillis() + ","
                + "\"queryResultFormat\":\"json\"},\"code\":null,\"message\":null,\"success\":true}";
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
