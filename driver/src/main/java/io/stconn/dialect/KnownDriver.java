package io.stconn.dialect;

/** The JDBC drivers stconn can address: class name, Maven coordinates and the URL scheme each accepts. */
enum KnownDriver {
    PGJDBC("org.postgresql.Driver", "org.postgresql:postgresql", "jdbc:postgresql:", true),
    REDSHIFT("com.amazon.redshift.jdbc42.Driver", "com.amazon.redshift:redshift-jdbc42", "jdbc:redshift:", true),
    CONNECTOR_J("com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j", "jdbc:mysql:", true),
    MARIADB("org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client", "jdbc:mariadb:", false),
    SQLITE("org.sqlite.JDBC", "org.xerial:sqlite-jdbc", "jdbc:sqlite:", false),
    MSSQL("com.microsoft.sqlserver.jdbc.SQLServerDriver", "com.microsoft.sqlserver:mssql-jdbc", "jdbc:sqlserver:", false),
    ORACLE("oracle.jdbc.OracleDriver", "com.oracle.database.jdbc:ojdbc11", "jdbc:oracle:thin:", false),
    H2("org.h2.Driver", "com.h2database:h2", "jdbc:h2:", false),
    DUCKDB("org.duckdb.DuckDBDriver", "org.duckdb:duckdb_jdbc", "jdbc:duckdb:", false),
    SNOWFLAKE("net.snowflake.client.jdbc.SnowflakeDriver", "net.snowflake:snowflake-jdbc", "jdbc:snowflake:", false);

    final JdbcDriver jdbcDriver;
    /** What the URL starts with, up to and including the colon before "//" or the path. */
    final String scheme;
    /**
     * pgjdbc and Connector/J percent-decode the database in the URL path (pgjdbc even turns '+'
     * into a space), so a database name must be encoded for them; MariaDB's driver takes it as is.
     */
    final boolean decodesPath;

    KnownDriver(String className, String mavenCoordinates, String scheme, boolean decodesPath) {
        this.jdbcDriver = new JdbcDriver(className, mavenCoordinates);
        this.scheme = scheme;
        this.decodesPath = decodesPath;
    }

    /** The driver with that class name, or null when it is one stconn has no URL knowledge of. */
    static KnownDriver of(JdbcDriver driver) {
        if (driver == null) {
            return null;
        }
        for (KnownDriver known : values()) {
            if (known.jdbcDriver.className().equals(driver.className())) {
                return known;
            }
        }
        return null;
    }
}
