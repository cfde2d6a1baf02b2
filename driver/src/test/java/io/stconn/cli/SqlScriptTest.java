package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlScriptTest {
    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("SELECT 1", List.of("SELECT 1@1")),
                Arguments.of("SELECT 1;\nSELECT 2;\n", List.of("SELECT 1@1", "SELECT 2@2")),
                Arguments.of("SELECT 'a;b'; SELECT 'it''s;'", List.of("SELECT 'a;b'@1", "SELECT 'it''s;'@1")),
                Arguments.of("SELECT \"semi;colon\" FROM t", List.of("SELECT \"semi;colon\" FROM t@1")),
                Arguments.of("SELECT E'a\\';b'; SELECT 2", List.of("SELECT E'a\\';b'@1", "SELECT 2@1")),
                Arguments.of("-- a comment; still a comment\nSELECT 1;", List.of("-- a comment; still a comment\nSELECT 1@1")),
                Arguments.of("SELECT /* ; /* nested; */ ; */ 1; SELECT 2", List.of("SELECT /* ; /* nested; */ ; */ 1@1", "SELECT 2@1")),
                Arguments.of("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nSELECT f();",
                        List.of("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql@1", "SELECT f()@2")),
                Arguments.of("DO $body$ BEGIN PERFORM 1; END $body$;", List.of("DO $body$ BEGIN PERFORM 1; END $body$@1")),
                Arguments.of("SELECT $1; SELECT 2", List.of("SELECT $1@1", "SELECT 2@1")),
                Arguments.of(";;\n  \n-- only a comment\n", List.of()),
                Arguments.of("\n\n  SELECT 3", List.of("SELECT 3@3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void cutsAtSemicolonsOutsideQuotesCommentsAndDollarQuotes(String script, List<String> expected) {
        assertThat(SqlScript.statements(script)).map(s -> s.sql() + "@" + s.line()).isEqualTo(expected);
    }
}
