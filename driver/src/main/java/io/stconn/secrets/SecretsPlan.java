package io.stconn.secrets;

import java.nio.file.Path;
import java.util.List;

/**
 * Which secrets files and folders to read, in order (a later one overrides an earlier one), why
 * (defaults, secrets.files in a config.toml, STREAMLIT_SECRETS_FILES, the secrets_files kwarg),
 * and the config files consulted to decide, which are watched for changes as well.
 */
public record SecretsPlan(List<Path> entries, String reason, List<Path> configFiles) {
}
