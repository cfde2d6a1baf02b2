package io.stconn.spi;

import java.sql.SQLException;

/**
 * A kind of connection: turns the merged configuration of one {@code [connections.<name>]}
 * section (secrets plus kwargs) into what to pool. {@code sql} and {@code snowflake} are built in;
 * others are found by {@link java.util.ServiceLoader} under their {@link #name()} or by fully
 * qualified class name, and need a public no-argument constructor.
 */
public interface ConnectionType {

    /** The short name users write as {@code type = "<name>"}. */
    String name();

    /** What to pool for this configuration. Throw SQLException (with a SQLState) for bad configuration. */
    PoolTarget target(ConnectionConfig config) throws SQLException;
}
