package io.stconn.internal;

import io.stconn.spi.Environment;
import java.util.Map;

/** Test environments: the system's, with some of stconn's keys replaced. */
public final class Envs {
    private Envs() {
    }

    /** The system environment with some values replaced (a null value unsets one). */
    public static Environment overriding(Map<Env, String> values) {
        return name -> {
            for (Map.Entry<Env, String> e : values.entrySet()) {
                if (name.equals(e.getKey().key())) {
                    return e.getValue();
                }
            }
            return Environment.SYSTEM.get(name);
        };
    }
}
