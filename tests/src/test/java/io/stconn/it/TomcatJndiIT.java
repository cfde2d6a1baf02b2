package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.Servers.Server;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tomcat 10.1 (embedded) with stconn on the server's class path and the most common resource
 * definition, {@code type="javax.sql.DataSource"} in the application's {@code META-INF/context.xml}
 * (docs/tomcat-jndi.md shows the same). A servlet reads rows through the JNDI name; stopping the
 * context runs Tomcat's leak detection, which reports every thread still holding the application's
 * class loader as its context class loader ("... failed to stop it. This is very likely to create
 * a memory leak"). None of stconn's threads (secrets timer, janitor, pool threads) may be one.
 */
class TomcatJndiIT {
    @TempDir
    Path tmp;

    /** The application's one servlet: the rows of Streamlit's tutorial table and the session's application_name. */
    public static final class PetsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            try (PrintWriter out = response.getWriter()) {
                DataSource dataSource = (DataSource) new InitialContext().lookup("java:comp/env/jdbc/shop");
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT name || ':' || pet, current_setting('application_name')"
                             + " FROM mytable ORDER BY name")) {
                    while (rs.next()) {
                        out.println(rs.getString(1) + " (" + rs.getString(2) + ")");
                    }
                }
            } catch (NamingException | SQLException e) {
                response.sendError(500, e.toString());
            }
        }
    }

    @Test
    void servletReadsRowsThroughAJndiDataSourceAndStoppingLeavesNoStconnThreadBehind() throws Exception {
        Servers.require(Server.POSTGRESQL);
        String name = Project.uniqueName("tomcat");
        Project project = Project.in(tmp).secrets(Servers.tutorialSection(name, "postgresql"));
        Path webapp = Files.createDirectories(tmp.resolve("webapp"));
        Project.write(webapp.resolve("META-INF/context.xml"), """
                <Context>
                  <Resource name="jdbc/shop" auth="Container" type="javax.sql.DataSource"
                            factory="io.stconn.StconnDataSourceFactory" closeMethod="close"
                            connectionName="%s" projectDir="%s"
                            ApplicationName="tomcat shop" hikari.maximumPoolSize="2"/>
                </Context>
                """.formatted(name, project.dir()));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(tmp.resolve("tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.enableNaming();
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("/shop", webapp.toString());
        // the test class path is the server's: nothing in it is a web fragment to scan for
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        Tomcat.addServlet(context, "pets", new PetsServlet());
        context.addServletMappingDecoded("/pets", "pets");
        String log;
        try (LogCapture capture = new LogCapture()) {
            tomcat.start();
            try {
                String body = get("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/shop/pets");
                System.out.println("GET /shop/pets:\n" + body);
                assertThat(body.lines()).containsExactly(
                        "John:cat (tomcat shop)", "Mary:dog (tomcat shop)", "Robert:bird (tomcat shop)");
                context.stop();
            } finally {
                tomcat.stop();
                tomcat.destroy();
            }
            log = capture.text();
        }
        List<String> leaks = Arrays.stream(log.split("\\R"))
                .filter(line -> line.contains("failed to stop")).toList();
        System.out.println("Tomcat's \"failed to stop\" reports on stop: " + leaks.size()
                + (leaks.isEmpty() ? "" : "\n" + String.join("\n", leaks)));
        assertThat(leaks).noneMatch(line -> line.contains("stconn"));
        assertThat(log).doesNotContain(APP_PASSWORD);
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
