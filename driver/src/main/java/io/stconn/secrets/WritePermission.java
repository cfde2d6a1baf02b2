package io.stconn.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Whoever may write a secrets file can point the connection anywhere (another host, another
 * driver's URL). Streamlit checks nothing; stconn says so once per file and goes on, as the file
 * is still the user's to keep.
 */
final class WritePermission {
    private static final Logger LOG = Logger.getLogger(WritePermission.class.getName());
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private WritePermission() {
    }

    static void warnIfOthersMayWrite(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return; // not a POSIX file system: its access lists are the administrator's business
        }
        boolean writable = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (writable && WARNED.add(file)) {
            LOG.warning(() -> "stconn: " + file + " may be written by group or others ("
                    + PosixFilePermissions.toString(permissions) + "): whoever can write it can point the connection "
                    + "anywhere. Run chmod go-w " + file + " (mode 600 keeps its secrets private too).");
        }
    }
}
