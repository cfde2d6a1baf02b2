package io.stconn.it;

/**
 * A class that exists but does not implement io.stconn.spi.ConnectionType. stconn must reject it
 * without initialising it: its static initialiser leaves a trace in {@link Tripwire}.
 */
public final class NotAConnectionType {
    static {
        Tripwire.INITIALISED.add(NotAConnectionType.class.getName());
    }

    public NotAConnectionType() {
        Tripwire.INSTANTIATED.add(NotAConnectionType.class.getName());
    }
}
