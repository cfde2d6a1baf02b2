package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.StconnDataSource;
import io.stconn.StconnDataSourceFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stconn's DataSource as an application server's JNDI resource: the server keeps a
 * {@link Reference} (the one {@link StconnDataSource#getReference()} gives, or one written from the
 * attributes of a resource definition) and asks {@link StconnDataSourceFactory} for the object.
 */
class JndiIT {
    @TempDir
    Path tmp;

    @Test
    void referenceOfADataSourceBuildsOneServingTheSamePool() throws Exception {
        String name = Project.uniqueName("jndi_ref");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1") + "\n");
        StconnDataSource original = new StconnDataSource(name);
        original.setProjectDir(project.dir().toString());
        Properties kwargs = new Properties();
        kwargs.setProperty("hikari.maximumPoolSize", "3");
        original.setProperties(kwargs);
        try (Connection c = original.getConnection()) {
            Dbs.mark(c, "bound in JNDI");
        }

        Object bound = new StconnDataSourceFactory().getObjectInstance(original.getReference(), null, null, null);

        assertThat(bound).isInstanceOf(StconnDataSource.class).isNotSameAs(original);
        try (Connection c = ((DataSource) bound).getConnection()) {
            assertThat(Dbs.marker(c)).isEqualTo("bound in JNDI");
        }
        assertThat(Pools.of(name)).as("the same name and kwargs: the same pool").hasSize(1);
        assertThat(Pools.number(Pools.configOf(name), "MaximumPoolSize")).isEqualTo(3);
        Pools.of(name).forEach(pool -> assertThat(Pools.active(pool)).isZero());
    }

    @Test
    void resourceDefinitionAttributesConfigureTheDataSource() throws Exception {
        String name = Project.uniqueName("jndi_attrs");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n");
        // as Tomcat's <Resource name="jdbc/shop" type="io.stconn.StconnDataSource"
        //   factory="io.stconn.StconnDataSourceFactory" name="..." projectDir="..." kwarg.hikari.maximumPoolSize="2"/>
        Reference resource = new Reference("io.stconn.StconnDataSource", "io.stconn.StconnDataSourceFactory", null);
        resource.add(new StringRefAddr("name", name));
        resource.add(new StringRefAddr("projectDir", project.dir().toString()));
        resource.add(new StringRefAddr("kwarg.hikari.maximumPoolSize", "2"));

        DataSource dataSource = (DataSource) new StconnDataSourceFactory().getObjectInstance(resource, null, null, null);

        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(Pools.number(Pools.configOf(name), "MaximumPoolSize")).isEqualTo(2);
    }

    /** Tomcat's ResourceRef for {@code <Resource type="javax.sql.DataSource" connectionName=... />}. */
    @Test
    void javaxSqlDataSourceResourceTakesConnectionNameAndEveryOtherAttributeAsAKwarg() throws Exception {
        String name = Project.uniqueName("jndi_tomcat");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n");
        Reference resource = new Reference("javax.sql.DataSource", "io.stconn.StconnDataSourceFactory", null);
        // what Tomcat itself writes into the reference: not kwargs
        resource.add(new StringRefAddr("auth", "Container"));
        resource.add(new StringRefAddr("singleton", "true"));
        resource.add(new StringRefAddr("factory", "io.stconn.StconnDataSourceFactory"));
        resource.add(new StringRefAddr("closeMethod", "close"));
        resource.add(new StringRefAddr("connectionName", name));
        resource.add(new StringRefAddr("projectDir", project.dir().toString()));
        resource.add(new StringRefAddr("hikari.maximumPoolSize", "4"));

        DataSource dataSource = (DataSource) new StconnDataSourceFactory().getObjectInstance(resource, null, null, null);

        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(Pools.number(Pools.configOf(name), "MaximumPoolSize")).isEqualTo(4);
        ((StconnDataSource) dataSource).close();
    }

    @Test
    void aReferenceToAnotherClassIsNotOurs() throws Exception {
        Reference other = new Reference("com.example.OtherDataSource", "io.stconn.StconnDataSourceFactory", null);
        assertThat(new StconnDataSourceFactory().getObjectInstance(other, null, null, null)).isNull();
    }

    @Test
    void toStringNeverShowsAPassword() {
        StconnDataSource dataSource = new StconnDataSource();
        dataSource.setUrl("jdbc:stconn:shop?password=" + Project.PASSWORD);
        dataSource.setPassword(Project.PASSWORD);
        assertThat(dataSource.toString()).contains("jdbc:stconn:shop").doesNotContain(Project.PASSWORD);
    }
}
