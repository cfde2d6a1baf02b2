package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.Servers.Server;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MyBatis with stconn's driver under its UNPOOLED data source (resources/mybatis): the
 * {@code DB_VENDOR} databaseId provider reads the real database's product name through stconn's
 * connection, so each server gets the statement written for it.
 */
class MyBatisIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} is databaseId {1}")
    @CsvSource({"POSTGRESQL, postgres, postgresql", "MARIADB, mariadb, mariadb"})
    void databaseIdComesFromTheRealDatabase(Server server, String databaseId, String dialect) throws Exception {
        Servers.require(server);
        String name = Project.uniqueName("mybatis");
        Project project = Project.in(tmp).secrets(Servers.tutorialSection(name, dialect)
                + "create_engine_kwargs = { pool_size = 1, max_overflow = 1 }\n");
        Properties settings = new Properties();
        settings.setProperty("url", project.url(name));
        SqlSessionFactory factory;
        try (Reader config = Resources.getResourceAsReader("mybatis/mybatis-config.xml")) {
            factory = new SqlSessionFactoryBuilder().build(config, settings);
        }

        System.out.println(server + ": MyBatis databaseId = " + factory.getConfiguration().getDatabaseId());
        assertThat(factory.getConfiguration().getDatabaseId()).isEqualTo(databaseId);
        try (SqlSession session = factory.openSession()) {
            String owners = session.selectOne("pets.owners");
            assertThat(owners).isEqualTo("John:cat,Mary:dog,Robert:bird");
        }
        assertThat(Pools.of(name)).as("stconn's pool, and none of MyBatis's").hasSize(1);
    }
}
