package io.stconn.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an Oracle listener on 127.0.0.1: it takes the thin driver's first packet, which
 * carries the connect descriptor in clear text ({@code (DESCRIPTION=(ADDRESS=(HOST=..)(PORT=..))
 * (CONNECT_DATA=(SERVICE_NAME=..)))}), and hangs up. What the descriptor says is what the real
 * driver made of the URL stconn gave it; no Oracle server is needed.
 */
final class OracleListener implements AutoCloseable {
    private static final int MAX_BYTES = 64 * 1024;

    private final ServerSocket socket;

    OracleListener() throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        socket.setSoTimeout(30_000);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The connect descriptor {@code driver} sends for {@code url}; the connect attempt itself fails. */
    String descriptorSentBy(Driver driver, String url, Properties properties) throws Exception {
        Properties props = new Properties();
        props.putAll(properties);
        props.setProperty("oracle.net.CONNECT_TIMEOUT", "10000");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> attempt = executor.submit(() -> {
                try {
                    driver.connect(url, props).close();
                } catch (SQLException expected) {
                    // the listener hung up
                }
                return null;
            });
            String received = receive();
            attempt.get(30, TimeUnit.SECONDS);
            int start = received.indexOf("(DESCRIPTION=");
            if (start < 0) {
                throw new AssertionError("no connect descriptor in the driver's packet: " + received);
            }
            String descriptor = balanced(received.substring(start));
            if (descriptor == null) {
                throw new AssertionError("the connect descriptor was cut off: " + received.substring(start));
            }
            return descriptor;
        } finally {
            executor.shutdownNow();
        }
    }

    /** The value of {@code (KEY=value)} in a descriptor, or null. */
    static String value(String descriptor, String key) {
        Matcher m = Pattern.compile("\\(" + key + "=([^()]*)\\)", Pattern.CASE_INSENSITIVE).matcher(descriptor);
        return m.find() ? m.group(1) : null;
    }

    private String receive() throws IOException {
        try (Socket client = socket.accept()) {
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            try {
                while (text.length() < MAX_BYTES && (n = in.read(buffer)) > 0) {
                    text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    int start = text.indexOf("(DESCRIPTION=");
                    if (start >= 0 && balanced(text.substring(start)) != null) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // answer with what came
            }
            return text.toString();
        }
    }

    // the descriptor up to its closing parenthesis, or null while it is incomplete
    private static String balanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return text.substring(0, i + 1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
