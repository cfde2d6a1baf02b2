package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;

/** The cases every server database proves the same way, each with its own dialect and answers. */
final class ServerCases {
    private ServerCases() {
    }

    /**
     * A wrong password in the tutorial's parts form: the server's own class-28 state and words,
     * the section named, and neither the wrong nor the right password anywhere in what is shown.
     */
    static void wrongPasswordIsRefused(Path tmp, String name, String dialect, String sqlState, String serverWords) {
        String wrong = "wrong-" + APP_PASSWORD;
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"" + dialect + "\"\n"
                        + "host = \"127.0.0.1\"\n"
                        + "database = \"" + DATABASE + "\"\n"
                        + "username = \"" + APP_USER + "\"\n"
                        + "password = " + Project.toml(wrong) + "\n");
        SQLException e = Errors.connectError(project.url(name));
        assertThat(e.getSQLState()).isEqualTo(sqlState);
        assertThat(e.getMessage()).contains(serverWords, APP_USER, "[connections." + name + "]");
        assertThat(Leaks.everythingShownBy(e)).doesNotContain(wrong, APP_PASSWORD);
    }

    /** A url-form section: a second connection shares the pool, and close() gives it back. */
    static void secondConnectionSharesThePool(Path tmp, OpenedPools pools, String name, String scheme, int port)
            throws Exception {
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"" + scheme + "://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1:" + port + "/" + DATABASE + "\"\n");
        pools.track(project.url(name));
        SamePool.assertSecondConnectionSharesThePoolAndCloseReturnsIt(project.url(name), name);
    }
}
