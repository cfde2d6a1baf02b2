/**
 * stconn's drop-in jar as a module: the user API (the driver, the DataSources, the Java API, the
 * errors and keys) and the plug-in contract are exported; everything else, the relocated tomlj and
 * HikariCP included, stays inside. On the class path, where JDBC tools load it, this descriptor is
 * ignored and the jar works the same.
 */
module io.stconn {
    requires transitive java.sql;
    requires java.logging;
    requires java.management;
    requires java.naming;

    exports io.stconn;
    exports io.stconn.spi;

    uses io.stconn.spi.ConnectionType;
    uses io.stconn.dialect.TypeUrlForm;
    uses io.stconn.shaded.slf4j.spi.SLF4JServiceProvider;

    provides java.sql.Driver with io.stconn.StconnDriver;
    provides io.stconn.dialect.TypeUrlForm with io.stconn.type.snowflake.SnowflakeUrlForm;
    provides io.stconn.shaded.slf4j.spi.SLF4JServiceProvider with io.stconn.shaded.slf4j.jul.JULServiceProvider;
}
