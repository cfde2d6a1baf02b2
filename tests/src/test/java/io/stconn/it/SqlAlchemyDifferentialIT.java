package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated SQLAlchemy URLs and parts sections, each resolved by SQLAlchemy itself
 * (make_url, URL.create and the dialect's create_connect_args, as Streamlit calls them) and by
 * stconn, whose JDBC URL the real driver parses: host, port, database, login and parameters must
 * agree, or the case must show a difference listed in the table of deliberate ones.
 */
class SqlAlchemyDifferentialIT {
    static final int SEED = 12;
    static final int CASES = 3200;

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void everyGeneratedConnectionReachesWhatSqlAlchemyReaches() throws Exception {
        Project project = Project.in(tmp);
        List<Map<String, Object>> lines = Reference.run("sqlalchemy_oracle.py", String.valueOf(SEED),
                String.valueOf(CASES), project.dir().toString());
        String version = String.valueOf(lines.get(0).get("sqlalchemy"));
        List<Map<String, Object>> cases = lines.subList(1, lines.size());
        project.secrets(SecretsSections.of(cases));
        DeliberateDifferences table = DeliberateDifferences.load();

        Tally tally = new Tally(table);
        for (Map<String, Object> line : cases) {
            String id = (String) line.get("id");
            String dialect = (String) line.get("dialect");
            Reading expected = SqlAlchemySide.of(line, project.dir());
            Reading actual = StconnSide.of(dialect, project.url(id));
            tally.add(dialect + " " + line.get("form"), (List<Object>) line.get("tags"), expected.differences(actual),
                    id + " " + line.getOrDefault("url", line.get("parts")) + " " + line.get("tags")
                            + "\n    SQLAlchemy: " + expected.shown() + "\n    stconn:     " + actual.shown());
        }
        assertThat(tally.report("SQLAlchemy " + version)).as("disagreements with SQLAlchemy that the table of"
                + " deliberate differences does not list (%d, all in target/)", tally.unexplainedCount()).isEmpty();
    }
}
