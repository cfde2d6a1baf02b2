-- FlywayIT: applied through stconn's DataSource into a schema of the test's own
CREATE TABLE pets (
    id      INTEGER PRIMARY KEY,
    name    VARCHAR(40) NOT NULL,
    species VARCHAR(40) NOT NULL
);
