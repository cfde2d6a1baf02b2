package io.stconn.bench.cold;

/** The end of every cold-start program: the first row on stdout, then an exit that runs no shutdown work. */
final class FirstRow {
    private FirstRow() {
    }

    static void print(int value) {
        System.out.println(value);
        System.out.flush();
        // the clock stops at the first row: pools, H2 and the JVM's shutdown hooks are not timed
        Runtime.getRuntime().halt(value == 1 ? 0 : 1);
    }
}
