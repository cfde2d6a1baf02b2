package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.StconnDataSource;
import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ on PostgreSQL through stconn. jOOQ picks its dialect from the URL prefix when given a URL
 * (and does not know {@code jdbc:stconn:}), but from a connection it reads the real database's
 * metadata, which stconn keeps visible: the guide says to ask the connection.
 */
class JooqIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    private String name;
    private Project project;

    @BeforeEach
    void server() {
        Servers.require(Server.POSTGRESQL);
        name = Project.uniqueName("jooq");
        project = Project.in(tmp).secrets(Servers.tutorialSection(name, "postgresql"));
    }

    @Test
    void dialectFromTheConnectionIsPostgresAndFromTheUrlDefault() throws Exception {
        String url = project.url(name);
        try (Connection c = pools.connect(url)) {
            System.out.println("JDBCUtils.dialect(connection) = " + JDBCUtils.dialect(c)
                    + ", JDBCUtils.dialect(url) = " + JDBCUtils.dialect(url));
            assertThat(JDBCUtils.dialect(c)).isEqualTo(SQLDialect.POSTGRES);
            assertThat(JDBCUtils.dialect(url)).as("jOOQ knows URL prefixes only").isEqualTo(SQLDialect.DEFAULT);
        }
    }

    @Test
    void dslOverStconnsDataSourceRunsPostgresSql() throws Exception {
        StconnDataSource dataSource = new StconnDataSource(name);
        dataSource.setProjectDir(project.dir().toString());
        pools.track(project.url(name));
        SQLDialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = JDBCUtils.dialect(c);
        }
        var pets = DSL.using(dataSource, dialect)
                .select(DSL.field("name", String.class), DSL.field("pet", String.class))
                .from(DSL.table("mytable"))
                .orderBy(DSL.field("name"))
                .fetch(r -> r.value1() + ":" + r.value2());
        assertThat(pets).containsExactly("John:cat", "Mary:dog", "Robert:bird");
    }
}
