package io.stconn.cli;

/** A command line that cannot be run as written: exit code 2, one line on stderr, no stack trace. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
