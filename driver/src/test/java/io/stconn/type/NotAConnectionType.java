package io.stconn.type;

/**
 * Named as a connection type by mistake: it does not implement the SPI. Its static initialiser
 * counts, so a test can prove that stconn checks the class without initialising it.
 */
public final class NotAConnectionType {
    public static final class Initialisations {
        public static int count;

        private Initialisations() {
        }
    }

    static {
        Initialisations.count++;
    }

    public String name() {
        return "not-a-type";
    }
}
