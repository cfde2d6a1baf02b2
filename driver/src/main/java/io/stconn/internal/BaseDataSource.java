package io.stconn.internal;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The DataSource plumbing every stconn DataSource shares: log writer, login timeout, wrapping. */
public abstract class BaseDataSource implements DataSource {
    private PrintWriter logWriter;
    private int loginTimeout;

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    /** stconn's root logger: what the driver's getParentLogger() answers too. */
    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.stconn");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(getClass().getSimpleName() + " does not wrap " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
