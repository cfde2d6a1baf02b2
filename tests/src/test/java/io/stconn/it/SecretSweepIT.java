package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.StconnDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten distinctive secrets, given every way a user can give one (section keys, a SQLAlchemy url, a
 * jdbc: url, URL parameters, Properties, connect_args, the hikari table, DataSource setters, a
 * Snowflake token); with pools live and logins refused, none may show in an exception chain, a
 * log record at any level, a toString, getURL, a JMX attribute, a thread name, a JNDI reference or
 * the command-line tool's output.
 */
class SecretSweepIT {
    private static final List<String> SECRETS = List.of("Sw1-Section-Pw-5571", "Sw2-Alchemy-Pw-6622",
            "Sw3-JdbcUrl-Pw-7733", "Sw4-UrlParam-Pw-8844", "Sw5-Props-Pw-9955", "Sw6-ConnectArg-Pw-1166",
            "Sw7-Hikari-Pw-2277", "Sw8-Setter-Pw-3388", "Sw9-Token-4499", "Sw10-Pg-Pw-5500");

    @TempDir
    Path tmp;

    @Test
    void noSecretShowsAnywhere() throws Exception {
        String tag = Project.uniqueName("sweep");
        Project project = Project.in(tmp).secrets(""
                + "[connections." + tag + "_a]\nurl = \"jdbc:h2:mem:" + tag + "_a\"\nusername = \"sa\"\n"
                + "password = \"" + s(0) + "\"\n"
                + "[connections." + tag + "_b]\nurl = \"postgresql://" + Servers.APP_USER + ":" + s(1)
                + "@127.0.0.1:5432/" + Servers.DATABASE + "\"\n"
                + "[connections." + tag + "_c]\nurl = \"jdbc:h2:mem:" + tag + "_c;USER=sa;PASSWORD=" + s(2) + "\"\n"
                + "[connections." + tag + "_d]\nurl = \"jdbc:h2:mem:" + tag + "_d\"\nusername = \"sa\"\n"
                + "[connections." + tag + "_g]\nurl = \"jdbc:h2:mem:" + tag + "_g\"\nusername = \"sa\"\n"
                + "[connections." + tag + "_e]\nurl = \"jdbc:h2:mem:" + tag + "_e\"\nusername = \"sa\"\n"
                + "password = \"x\"\ncreate_engine_kwargs = { connect_args = { password = \"" + s(5) + "\" } }\n"
                + "[connections." + tag + "_f]\nurl = \"jdbc:h2:mem:" + tag + "_f\"\nusername = \"sa\"\n"
                + "[connections." + tag + "_f.hikari]\n\"dataSource.password\" = \"" + s(6) + "\"\n"
                + "[connections." + tag + "_snow]\naccount = \"sweep-test.invalid\"\nuser = \"bot\"\n"
                + "authenticator = \"oauth\"\nlogin_timeout = 3\ntoken = \"" + s(8) + "\"\n"
                + "[connections." + tag + "_pg]\nurl = \"jdbc:postgresql://127.0.0.1:5432/" + Servers.DATABASE + "?user="
                + Servers.APP_USER + "&password=" + s(9) + "\"\n");
        List<String> shown = new ArrayList<>();
        List<Connection> open = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            Servers.require(Servers.Server.POSTGRESQL);
            for (String suffix : List.of("_a", "_c", "_e", "_f")) {
                open.add(live(project.url(tag + suffix), new Properties(), shown));
            }
            open.add(live(project.url(tag + "_d", "password=" + s(3)), new Properties(), shown));
            Properties props = new Properties();
            props.setProperty("password", s(4));
            open.add(live(project.url(tag + "_g"), props, shown));
            StconnDataSource ds = new StconnDataSource(tag + "_a");
            ds.setProjectDir(project.dir().toString());
            ds.setUrl(project.url(tag + "_a", "password=" + s(7)));
            ds.setPassword(s(7));
            shown.add(ds.toString());
            shown.add(ds.getReference().toString());
            shown.add(ds.getUrl() == null ? "" : String.valueOf(ds.getReference().get("url")));
            for (String failing : List.of("_b", "_snow", "_pg")) {
                try (Connection c = DriverManager.getConnection(project.url(tag + failing, "hikari.connectionTimeout=3000"))) {
                    shown.add(c.getMetaData().getURL());
                } catch (SQLException e) {
                    shown.add(Leaks.everythingShownBy(e));
                }
            }
            shown.add(jmxAttributes());
            Thread.getAllStackTraces().keySet().forEach(t -> shown.add(t.getName()));
            for (Connection c : open) {
                c.close();
            }
            shown.add(logs.text());
        }
        CliProcess.Run list = new CliProcess(tmp).run("list", "--project", project.dir().toString());
        CliProcess.Run describe = new CliProcess(tmp).run("describe", tag + "_c", "--json", "--project",
                project.dir().toString(), "--driver-path", Jars.h2Jar().toString());
        shown.add(list.all());
        shown.add(describe.all());

        String all = String.join("\n", shown);
        assertThat(open).as("connections opened with the secrets").hasSize(6);
        assertThat(all).as("the log captured something at all").contains("stconn");
        for (String secret : SECRETS) {
            assertThat(all).as("shown somewhere").doesNotContain(secret);
        }
        System.out.println("secret sweep: " + SECRETS.size() + " secrets, " + all.length() + " characters of exceptions, "
                + "logs, toString, getURL, JMX attributes, thread names, JNDI references and CLI output: none found");
    }

    private static String s(int i) {
        return SECRETS.get(i);
    }

    /** A live connection, and what it shows of itself. */
    private static Connection live(String url, Properties props, List<String> shown) throws SQLException {
        Connection c = DriverManager.getConnection(url, props);
        shown.add(c.toString());
        shown.add(c.getMetaData().getURL());
        shown.add(String.valueOf(c.getClientInfo()));
        return c;
    }

    /** Every attribute of every stconn pool's MBeans, as text. */
    private static String jmxAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder all = new StringBuilder();
        for (ObjectName name : server.queryNames(new ObjectName("io.stconn.shaded.hikari:*"), null)) {
            all.append(name).append('\n');
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    all.append(attribute.getName()).append('=').append(server.getAttribute(name, attribute.getName()))
                            .append('\n');
                } catch (Exception e) {
                    all.append(attribute.getName()).append(" unreadable: ").append(e).append('\n');
                }
            }
        }
        return all.toString();
    }
}
