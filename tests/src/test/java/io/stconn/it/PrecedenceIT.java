package io.stconn.it;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMANTICS sections 2 and 3, case by case: connect() Properties beat URL parameters, which beat
 * the secrets; an empty user or password Property counts as absent; the project's secrets beat
 * the global ones; secrets.files in config.toml and the secrets_files kwarg replace the default
 * files; Kubernetes-style secret folders are read. Each case is observed by which database (marker
 * row) or which database user the connection reached.
 */
class PrecedenceIT {
    @TempDir
    Path tmp;

    // ---- per key: database

    @Test
    void databaseFromTheSecretsWhenNoKwargGivesIt() throws Exception {
        Fixture f = new Fixture();
        try (Connection c = DriverManager.getConnection(f.project.url(f.name))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-secrets");
        }
    }

    @Test
    void databaseUrlParameterBeatsTheSecrets() throws Exception {
        Fixture f = new Fixture();
        try (Connection c = DriverManager.getConnection(f.project.url(f.name, "database=" + f.urlDb))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-url-parameter");
        }
    }

    @Test
    void databasePropertyBeatsTheUrlParameter() throws Exception {
        Fixture f = new Fixture();
        Properties props = new Properties();
        props.setProperty("database", f.propertyDb.toString());
        try (Connection c = DriverManager.getConnection(f.project.url(f.name, "database=" + f.urlDb), props)) {
            assertThat(Dbs.marker(c)).isEqualTo("from-property");
        }
    }

    @Test
    void databasePropertyBeatsTheSecretsWithoutUrlParameter() throws Exception {
        Fixture f = new Fixture();
        Properties props = new Properties();
        props.setProperty("database", f.propertyDb.toString());
        try (Connection c = DriverManager.getConnection(f.project.url(f.name), props)) {
            assertThat(Dbs.marker(c)).isEqualTo("from-property");
        }
    }

    // ---- per key: url

    @Test
    void urlUrlParameterBeatsTheSecretsUrl() throws Exception {
        String name = Project.uniqueName("urlkw");
        Path secretsDb = Dbs.h2File(tmp.resolve("dbs/s"), "secrets-url");
        Path kwargDb = Dbs.h2File(tmp.resolve("dbs/k"), "kwarg-url");
        Path propDb = Dbs.h2File(tmp.resolve("dbs/p"), "property-url");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + secretsDb) + "\n");
        String url = project.url(name, "url=jdbc:h2:" + kwargDb);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Dbs.marker(c)).isEqualTo("kwarg-url");
        }
        Properties props = new Properties();
        props.setProperty("url", "jdbc:h2:" + propDb);
        try (Connection c = DriverManager.getConnection(url, props)) {
            assertThat(Dbs.marker(c)).isEqualTo("property-url");
        }
    }

    @Test
    void urlWinsOverThePartsOfTheSameSection() throws Exception {
        String name = Project.uniqueName("urlparts");
        Path urlDb = Dbs.h2File(tmp.resolve("dbs/url"), "the-url");
        Path partsDb = Dbs.h2File(tmp.resolve("dbs/parts"), "the-parts");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = " + Project.toml(partsDb) + "\n"
                        + "url = " + Project.toml("jdbc:h2:" + urlDb) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("the-url");
        }
    }

    // ---- per key: stconn's own keys

    @Test
    void projectDirPropertyBeatsTheUrlParameter() throws Exception {
        String name = Project.uniqueName("pdprop");
        Project inUrl = project("inurl", name, "project-from-url-parameter");
        Project inProperty = project("inproperty", name, "project-from-property");
        Properties props = new Properties();
        props.setProperty("project_dir", inProperty.dir().toString());
        try (Connection c = DriverManager.getConnection(inUrl.url(name), props)) {
            assertThat(Dbs.marker(c)).isEqualTo("project-from-property");
        }
    }

    @Test
    void typePropertyBeatsTheTypeUrlParameter() throws Exception {
        String name = Project.uniqueName("typeprop");
        Project project = project("typeprop", name, "type-from-property");
        Properties props = new Properties();
        props.setProperty("type", "sql");
        try (Connection c = DriverManager.getConnection(project.url(name, "type=snowflake"), props)) {
            assertThat(Dbs.marker(c)).isEqualTo("type-from-property");
        }
    }

    // ---- per key: user and password (H2 users of one database)

    @Test
    void userAndPasswordFromTheSecrets() throws Exception {
        Users u = new Users();
        try (LogCapture logs = new LogCapture();
             Connection c = DriverManager.getConnection(u.project.url(u.name))) {
            assertThat(Dbs.one(c, "SELECT CURRENT_USER")).isEqualToIgnoringCase("alice");
            assertThat(logs.text()).doesNotContain(Project.PASSWORD);
        }
    }

    @Test
    void userUrlParameterBeatsTheSecretsUsername() throws Exception {
        Users u = new Users();
        try (Connection c = DriverManager.getConnection(u.project.url(u.name, "user=bob", "password=bob-pw"))) {
            assertThat(Dbs.one(c, "SELECT CURRENT_USER")).isEqualToIgnoringCase("bob");
        }
    }

    @Test
    void userPropertyBeatsTheUrlParameter() throws Exception {
        Users u = new Users();
        Properties props = new Properties();
        props.setProperty("user", "carol");
        props.setProperty("password", "carol-pw");
        try (Connection c = DriverManager.getConnection(u.project.url(u.name, "user=bob", "password=bob-pw"), props)) {
            assertThat(Dbs.one(c, "SELECT CURRENT_USER")).isEqualToIgnoringCase("carol");
        }
    }

    @Test
    void emptyUserAndPasswordPropertiesDoNotEraseTheSecrets() throws Exception {
        Users u = new Users();
        Properties props = new Properties();
        props.setProperty("user", "");
        props.setProperty("password", "");
        try (Connection c = DriverManager.getConnection(u.project.url(u.name), props)) {
            assertThat(Dbs.one(c, "SELECT CURRENT_USER")).isEqualToIgnoringCase("alice");
        }
    }

    @Test
    void emptyUserPropertyDoesNotEraseTheUrlParameter() throws Exception {
        Users u = new Users();
        Properties props = new Properties();
        props.setProperty("user", "");
        props.setProperty("password", "");
        try (Connection c = DriverManager.getConnection(u.project.url(u.name, "user=bob", "password=bob-pw"), props)) {
            assertThat(Dbs.one(c, "SELECT CURRENT_USER")).isEqualToIgnoringCase("bob");
        }
    }

    // ---- which files: global and project (child JVMs with their own home)

    @Test
    void globalSecretsFileLosesToTheProjectFile() throws Exception {
        String name = Project.uniqueName("globalproj");
        Path home = tmp.resolve("home");
        Path globalDb = Dbs.h2File(tmp.resolve("dbs/global"), "from-global");
        Path projectDb = Dbs.h2File(tmp.resolve("dbs/project"), "from-project");
        Project.write(home.resolve(".streamlit/secrets.toml"),
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + globalDb) + "\n");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + projectDb) + "\n");
        assertThat(ChildJvm.probe(home, tmp, Map.of(), project.url(name)))
                .containsExactly("OK from-project");
    }

    @Test
    void globalSecretsFileIsReadWhenTheProjectFileHasNoConnections() throws Exception {
        String name = Project.uniqueName("globalonly");
        Path home = tmp.resolve("home");
        Path globalDb = Dbs.h2File(tmp.resolve("dbs/global"), "from-global");
        Project.write(home.resolve(".streamlit/secrets.toml"),
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + globalDb) + "\n");
        Project project = Project.in(tmp).secrets("api_key = \"unrelated\"\n");
        assertThat(ChildJvm.probe(home, tmp, Map.of(), project.url(name)))
                .containsExactly("OK from-global");
    }

    @Test
    void projectIsTheProjectDirKwargThenTheEnvironmentThenTheWorkingDirectory() throws Exception {
        String name = Project.uniqueName("projectdir");
        Path home = tmp.resolve("home");
        Project byKwarg = project("kwarg", name, "project-from-kwarg");
        Project byEnv = project("env", name, "project-from-env");
        Project byCwd = project("cwd", name, "project-from-cwd");
        String bare = "jdbc:stconn:" + name;

        assertThat(ChildJvm.probe(home, byCwd.dir(), Map.of(), bare))
                .containsExactly("OK project-from-cwd");
        assertThat(ChildJvm.probe(home, byCwd.dir(), Map.of("STCONN_PROJECT_DIR", byEnv.dir().toString()),
                bare, byKwarg.url(name)))
                .containsExactly("OK project-from-env", "OK project-from-kwarg");
    }

    @Test
    void nameFromAnEnvironmentVariable() throws Exception {
        String name = Project.uniqueName("envname");
        Project project = project("envname", name, "name-from-env");
        assertThat(ChildJvm.probe(tmp.resolve("home"), tmp, Map.of("STCONN_IT_CONNECTION", name),
                "jdbc:stconn:env:STCONN_IT_CONNECTION?project_dir=" + Project.encode(project.dir().toString())))
                .containsExactly("OK name-from-env");
    }

    @Test
    void streamlitSecretsFilesEnvironmentVariableReplacesTheDefaultFiles() throws Exception {
        String name = Project.uniqueName("envfiles");
        Project project = project("envfiles", name, "from-default-file");
        Path listedDb = Dbs.h2File(tmp.resolve("dbs/envlisted"), "from-env-listed-file");
        Path listed = project.file("elsewhere/listed.toml",
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + listedDb) + "\n");
        assertThat(ChildJvm.probe(tmp.resolve("home"), tmp, Map.of("STREAMLIT_SECRETS_FILES", listed.toString()),
                project.url(name)))
                .containsExactly("OK from-env-listed-file");
    }

    @Test
    void globalConfigTomlSecretsFilesApplyWhenTheProjectHasNoConfig() throws Exception {
        String name = Project.uniqueName("globalcfg");
        Path home = tmp.resolve("home");
        Project project = project("globalcfg", name, "from-default-file");
        Path listedDb = Dbs.h2File(tmp.resolve("dbs/globallisted"), "from-global-config-listed-file");
        Path listed = tmp.resolve("shared/listed.toml");
        Project.write(listed,
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + listedDb) + "\n");
        Project.write(home.resolve(".streamlit/config.toml"), "[secrets]\nfiles = [" + Project.toml(listed) + "]\n");
        assertThat(ChildJvm.probe(home, tmp, Map.of(), project.url(name)))
                .containsExactly("OK from-global-config-listed-file");
    }

    // ---- which files: secrets.files in config.toml, the secrets_files kwarg

    @Test
    void secretsFilesInConfigTomlReplaceTheDefaultFiles() throws Exception {
        String name = Project.uniqueName("cfgfiles");
        String onlyInDefault = Project.uniqueName("onlydefault");
        Path defaultDb = Dbs.h2File(tmp.resolve("dbs/default"), "from-default-file");
        Path listedDb = Dbs.h2File(tmp.resolve("dbs/listed"), "from-listed-file");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + defaultDb) + "\n"
                        + "[connections." + onlyInDefault + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + defaultDb) + "\n");
        project.file("conf/listed.toml",
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + listedDb) + "\n");
        // relative to the project
        project.config("[secrets]\nfiles = [\"conf/listed.toml\"]\n");

        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-listed-file");
        }
        SQLException e = Errors.connectError(project.url(onlyInDefault));
        Errors.assertError(e, SqlState.UNKNOWN_CONNECTION, onlyInDefault);
    }

    @Test
    void secretsFilesKwargReplacesEveryDefaultAndTheLaterFileWins() throws Exception {
        String name = Project.uniqueName("kwfiles");
        Path projectDb = Dbs.h2File(tmp.resolve("dbs/project"), "from-project-file");
        Path firstDb = Dbs.h2File(tmp.resolve("dbs/first"), "from-first-file");
        Path secondDb = Dbs.h2File(tmp.resolve("dbs/second"), "from-second-file");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + projectDb) + "\n");
        Path first = project.file("outside/first.toml",
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + firstDb) + "\n");
        Path second = project.file("outside/second.toml",
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + secondDb) + "\n");
        project.config("[secrets]\nfiles = [\".streamlit/secrets.toml\"]\n");

        try (Connection c = DriverManager.getConnection(project.url(name, "secrets_files=" + first))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-first-file");
        }
        String both = first + File.pathSeparator + second;
        try (Connection c = DriverManager.getConnection(project.url(name, "secrets_files=" + both))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-second-file");
        }
    }

    @Test
    void kubernetesStyleSecretsFolderIsRead() throws Exception {
        String name = Project.uniqueName("kube");
        Path db = Dbs.h2File(tmp.resolve("dbs/kube"), "from-kubernetes-folder", "kubeuser", Project.PASSWORD);
        Project project = Project.in(tmp);
        Path secrets = tmp.resolve("mounted-secrets");
        // one folder per key; a folder with several files is a table of file name to trimmed text
        Project.write(secrets.resolve("connections/" + name + "/url"), "jdbc:h2:" + db + "\n");
        Project.write(secrets.resolve("connections/" + name + "/username"), "kubeuser\n");
        Project.write(secrets.resolve("connections/" + name + "/password"), Project.PASSWORD + "\n");
        try (LogCapture logs = new LogCapture();
             Connection c = DriverManager.getConnection(project.url(name, "secrets_files=" + secrets))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-kubernetes-folder");
            assertThat(Dbs.one(c, "SELECT CURRENT_USER")).isEqualToIgnoringCase("kubeuser");
            assertThat(logs.text()).doesNotContain(Project.PASSWORD);
        }
    }

    @Test
    void kubernetesStyleSecretsFolderListedInConfigToml() throws Exception {
        String name = Project.uniqueName("kubecfg");
        Path db = Dbs.h2File(tmp.resolve("dbs/kubecfg"), "from-kubernetes-config", "kubeuser", Project.PASSWORD);
        Project project = Project.in(tmp);
        Project.write(project.resolve("mounted/connections/" + name + "/url"), "  jdbc:h2:" + db + "  \n");
        Project.write(project.resolve("mounted/connections/" + name + "/username"), "kubeuser");
        Project.write(project.resolve("mounted/connections/" + name + "/password"), Project.PASSWORD);
        project.config("[secrets]\nfiles = [\"mounted\"]\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-kubernetes-config");
        }
    }

    // ---- fixtures

    private Project project(String sub, String name, String marker) throws SQLException {
        Path db = Dbs.h2File(tmp.resolve("dbs/" + sub), marker);
        return Project.in(tmp, sub).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + db) + "\n");
    }

    /** One section in parts form, and three H2 databases told apart by their marker. */
    private final class Fixture {
        final String name = Project.uniqueName("prec");
        final Path secretsDb;
        final Path urlDb;
        final Path propertyDb;
        final Project project;

        Fixture() throws SQLException {
            secretsDb = Dbs.h2File(tmp.resolve("dbs/secrets"), "from-secrets");
            urlDb = Dbs.h2File(tmp.resolve("dbs/url"), "from-url-parameter");
            propertyDb = Dbs.h2File(tmp.resolve("dbs/property"), "from-property");
            project = Project.in(tmp).secrets(
                    "[connections." + name + "]\n"
                            + "dialect = \"h2\"\n"
                            + "database = " + Project.toml(secretsDb) + "\n");
        }
    }

    /** One H2 database with three users; the section logs in as alice with the secret password. */
    private final class Users {
        final String name = Project.uniqueName("users");
        final Project project;

        Users() throws SQLException {
            Path db = Dbs.h2File(tmp.resolve("dbs/users"), "users", "alice", Project.PASSWORD);
            try (Connection admin = DriverManager.getConnection("jdbc:h2:" + db, "alice", Project.PASSWORD);
                 Statement s = admin.createStatement()) {
                s.execute("CREATE USER bob PASSWORD 'bob-pw' ADMIN");
                s.execute("CREATE USER carol PASSWORD 'carol-pw' ADMIN");
            }
            project = Project.in(tmp).secrets(
                    "[connections." + name + "]\n"
                            + "dialect = \"h2\"\n"
                            + "database = " + Project.toml(db) + "\n"
                            + "username = \"alice\"\n"
                            + "password = " + Project.toml(Project.PASSWORD) + "\n");
        }
    }
}
