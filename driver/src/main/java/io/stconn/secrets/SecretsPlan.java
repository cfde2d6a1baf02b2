package io.stconn.secrets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which secrets files and folders to read, in order (a later one overrides an earlier one), why
 * (defaults, secrets.files in a config.toml, STREAMLIT_SECRETS_FILES, the secrets_files kwarg),
 * and the config files consulted to decide, which are watched for changes as well.
 */
public record SecretsPlan(List<Path> entries, String reason, List<Path> configFiles) {
    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SecretsPlan other
            && Objects.equals(entries, other.entries)
            && Objects.equals(reason, other.reason)
            && Objects.equals(configFiles, other.configFiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, reason, configFiles);
    }

    @Override
    public String toString() {
        return "SecretsPlan[entries=" + entries + ", reason=" + reason + ", configFiles=" + configFiles + "]";
    }
}
