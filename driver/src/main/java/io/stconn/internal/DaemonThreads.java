package io.stconn.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads stconn starts (the secrets timer, the janitor, HikariCP's pool threads). A new thread
 * inherits the context class loader of whichever thread happened to start it, often a web
 * application's request thread: the thread would then pin that application's class loader after
 * it is undeployed, and Tomcat reports it as a leak. So each thread's context class loader is
 * stconn's own, whoever starts it.
 */
public final class DaemonThreads implements ThreadFactory {
    private static final ClassLoader STCONN_LOADER = DaemonThreads.class.getClassLoader();
    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private DaemonThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    /** Every thread named {@code name}: for executors of one thread. */
    public static DaemonThreads named(String name) {
        return new DaemonThreads(name, false);
    }

    /** Threads named {@code name-1}, {@code name-2}...: for executors of several threads. */
    public static DaemonThreads numbered(String name) {
        return new DaemonThreads(name, true);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
        thread.setDaemon(true);
        thread.setContextClassLoader(STCONN_LOADER);
        return thread;
    }
}
