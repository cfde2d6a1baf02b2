package io.stconn.spring;

import io.stconn.StconnDataSource;
import java.sql.SQLException;

/** The first connection of the application's stconn DataSource failed; the cause is stconn's own SQLException. */
public class StconnStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StconnStartupException(StconnDataSource dataSource, SQLException cause) {
        super("Cannot open the first connection of " + dataSource + ": " + cause.getMessage(), cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
