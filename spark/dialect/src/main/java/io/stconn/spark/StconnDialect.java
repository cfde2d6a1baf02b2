package io.stconn.spark;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.catalog.functions.UnboundFunction;
import org.apache.spark.sql.connector.catalog.index.TableIndex;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCOptions;
import org.apache.spark.sql.execution.datasources.jdbc.JdbcOptionsInWrite;
import org.apache.spark.sql.execution.datasources.v2.TableSampleInfo;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.jdbc.JdbcSQLQueryBuilder;
import org.apache.spark.sql.jdbc.JdbcType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import scala.Function1;
import scala.Option;
import scala.Tuple2;
import scala.collection.immutable.Map;
import scala.collection.immutable.Seq;

/**
 * Spark's JDBC dialect for {@code jdbc:stconn:} URLs: every call is answered by the dialect Spark
 * has for the JDBC URL the stconn URL resolves to (PostgreSQL's for a PostgreSQL connection, and
 * so on), so types, arrays, truncation and streamed reads behave as with the real URL.
 *
 * <p>Spark 4 finds it through {@code ServiceLoader} in every JVM, executors included, from this
 * jar alone. Spark 3.5 has no such lookup: call {@link #register()} once in the driver program
 * (local mode needs nothing more), or set {@code spark.plugins=io.stconn.spark.StconnPlugin}
 * so that every executor registers it too.
 *
 * <p>Compiled against Spark 4; the methods Spark 3.5 does not have are never called there.
 */
public class StconnDialect extends JdbcDialect {
    private static final long serialVersionUID = 1L;
    private static final StconnDialect INSTANCE = new StconnDialect(null);

    /**
     * The stconn URL a serialized copy was made for (Spark ships the dialect to executors inside
     * a write task); null for the registered dialect, which follows the URL Spark asked about.
     */
    private final String boundUrl;

    /** For ServiceLoader. */
    public StconnDialect() {
        this(null);
    }

    private StconnDialect(String boundUrl) {
        this.boundUrl = boundUrl;
    }

    /** Registers the dialect with Spark in this JVM (Spark 3.5; harmless on Spark 4). Idempotent. */
    public static void register() {
        JdbcDialects.registerDialect(INSTANCE);
    }

    /** Removes it again (every copy: dialects are equal by class). */
    public static void unregister() {
        JdbcDialects.unregisterDialect(INSTANCE);
    }

    @Override
    public boolean canHandle(String url) {
        if (!Delegates.isStconn(url)) {
            return false;
        }
        Delegates.seen(url);
        return true;
    }

    /** The dialect answering now: for the bound URL, else for the one Spark last asked about. */
    private JdbcDialect d() {
        return Delegates.of(boundUrl != null ? boundUrl : Delegates.current());
    }

    private static JdbcDialect d(JDBCOptions options) {
        return Delegates.of(options.url());
    }

    /** A copy bound to the URL in use, so that an executor answers for the same database. */
    protected Object writeReplace() {
        String url = boundUrl != null ? boundUrl : Delegates.current();
        return url == null ? this : new StconnDialect(url);
    }

    /** Equal by class: registering again replaces the dialect ServiceLoader made instead of adding one. */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return StconnDialect.class.hashCode();
    }

    @Override
    public String toString() {
        return "StconnDialect";
    }

    // ---- every overridable method of JdbcDialect, answered by the resolved URL's dialect ----

    @Override public Option<DataType> getCatalystType(int sqlType, String typeName, int size, MetadataBuilder md) {
        return d().getCatalystType(sqlType, typeName, size, md);
    }
    @Override public Option<JdbcType> getJDBCType(DataType dt) { return d().getJDBCType(dt); }
    @Override public void updateExtraColumnMeta(Connection conn, ResultSetMetaData rsmd, int column, MetadataBuilder md) {
        d().updateExtraColumnMeta(conn, rsmd, column, md);
    }
    @Override public Date convertJavaDateToDate(Date date) { return d().convertJavaDateToDate(date); }
    @Override public Timestamp convertJavaTimestampToTimestamp(Timestamp t) { return d().convertJavaTimestampToTimestamp(t); }
    @Override public LocalDateTime convertJavaTimestampToTimestampNTZ(Timestamp t) {
        return d().convertJavaTimestampToTimestampNTZ(t);
    }
    @Override public Timestamp convertTimestampNTZToJavaTimestamp(LocalDateTime t) {
        return d().convertTimestampNTZToJavaTimestamp(t);
    }
    @Override public int getYearMonthIntervalAsMonths(String s) { return d().getYearMonthIntervalAsMonths(s); }
    @Override public long getDayTimeIntervalAsMicros(String s) { return d().getDayTimeIntervalAsMicros(s); }
    @Override public Function1<Object, Connection> createConnectionFactory(JDBCOptions o) {
        return d(o).createConnectionFactory(o);
    }
    @Override public String quoteIdentifier(String name) { return d().quoteIdentifier(name); }
    @Override public String insertIntoTable(String table, StructField[] fields) { return d().insertIntoTable(table, fields); }
    @Override public String getTableExistsQuery(String table) { return d().getTableExistsQuery(table); }
    @Override public String getSchemaQuery(String table) { return d().getSchemaQuery(table); }
    @Override public String getTruncateQuery(String table) { return d().getTruncateQuery(table); }
    @Override public String getTruncateQuery(String table, Option<Object> cascade) {
        return d().getTruncateQuery(table, cascade);
    }
    @Override public Option<Object> isCascadingTruncateTable() { return d().isCascadingTruncateTable(); }
    @SuppressWarnings("deprecation") // still what Spark 3.5 calls
    @Override public void beforeFetch(Connection c, Map<String, String> properties) { d().beforeFetch(c, properties); }
    @Override public void beforeFetch(Connection c, JDBCOptions o) { d(o).beforeFetch(c, o); }
    @Override public int getFetchSize(JDBCOptions o) { return d(o).getFetchSize(o); }
    @Override public String escapeSql(String value) { return d().escapeSql(value); }
    @Override public Object compileValue(Object value) { return d().compileValue(value); }
    @Override public boolean isSupportedFunction(String name) { return d().isSupportedFunction(name); }
    @Override public Option<String> compileExpression(Expression e) { return d().compileExpression(e); }
    @SuppressWarnings("deprecation") // still what Spark 3.5 calls
    @Override public Option<String> compileAggregate(AggregateFunc f) { return d().compileAggregate(f); }
    @Override public Seq<Tuple2<String, UnboundFunction>> functions() { return d().functions(); }
    @Override public void createSchema(Statement st, String schema, String comment) { d().createSchema(st, schema, comment); }
    @Override public boolean schemasExists(Connection c, JDBCOptions o, String schema) {
        return d(o).schemasExists(c, o, schema);
    }
    @Override public String[][] listSchemas(Connection c, JDBCOptions o) { return d(o).listSchemas(c, o); }
    @SuppressWarnings("deprecation") // still what Spark 3.5 calls
    @Override public String renameTable(String oldTable, String newTable) { return d().renameTable(oldTable, newTable); }
    @Override public String renameTable(Identifier oldTable, Identifier newTable) {
        return d().renameTable(oldTable, newTable);
    }
    @Override public String[] alterTable(String table, Seq<TableChange> changes, int dbMajorVersion) {
        return d().alterTable(table, changes, dbMajorVersion);
    }
    @Override public String getAddColumnQuery(String table, String column, String type) {
        return d().getAddColumnQuery(table, column, type);
    }
    @Override public String getRenameColumnQuery(String table, String column, String newName, int dbMajorVersion) {
        return d().getRenameColumnQuery(table, column, newName, dbMajorVersion);
    }
    @Override public String getDeleteColumnQuery(String table, String column) {
        return d().getDeleteColumnQuery(table, column);
    }
    @Override public String getUpdateColumnTypeQuery(String table, String column, String type) {
        return d().getUpdateColumnTypeQuery(table, column, type);
    }
    @Override public String getUpdateColumnNullabilityQuery(String table, String column, boolean nullable) {
        return d().getUpdateColumnNullabilityQuery(table, column, nullable);
    }
    @Override public String getTableCommentQuery(String table, String comment) {
        return d().getTableCommentQuery(table, comment);
    }
    @Override public String getSchemaCommentQuery(String schema, String comment) {
        return d().getSchemaCommentQuery(schema, comment);
    }
    @Override public String removeSchemaCommentQuery(String schema) { return d().removeSchemaCommentQuery(schema); }
    @Override public String dropSchema(String schema, boolean cascade) { return d().dropSchema(schema, cascade); }
    @Override public String dropTable(String table) { return d().dropTable(table); }
    @Override public String createIndex(String index, Identifier table, NamedReference[] columns,
            java.util.Map<NamedReference, java.util.Map<String, String>> columnsProperties,
            java.util.Map<String, String> properties) {
        return d().createIndex(index, table, columns, columnsProperties, properties);
    }
    @Override public boolean indexExists(Connection c, String index, Identifier table, JDBCOptions o) {
        return d(o).indexExists(c, index, table, o);
    }
    @Override public String dropIndex(String index, Identifier table) { return d().dropIndex(index, table); }
    @Override public TableIndex[] listIndexes(Connection c, Identifier table, JDBCOptions o) {
        return d(o).listIndexes(c, table, o);
    }
    @Override public boolean isObjectNotFoundException(SQLException e) { return d().isObjectNotFoundException(e); }
    @Override public boolean isSyntaxErrorBestEffort(SQLException e) { return d().isSyntaxErrorBestEffort(e); }
    @Override public Throwable classifyException(Throwable e, String condition, Map<String, String> parameters,
            String description, boolean isRuntime) {
        return d().classifyException(e, condition, parameters, description, isRuntime);
    }
    @SuppressWarnings("deprecation") // still what Spark 3.5 calls
    @Override public AnalysisException classifyException(String message, Throwable e) {
        return d().classifyException(message, e);
    }
    @Override public String getLimitClause(Integer limit) { return d().getLimitClause(limit); }
    @Override public String getOffsetClause(Integer offset) { return d().getOffsetClause(offset); }
    @Override public JdbcSQLQueryBuilder getJdbcSQLQueryBuilder(JDBCOptions o) { return d(o).getJdbcSQLQueryBuilder(o); }
    @Override public boolean supportsLimit() { return d().supportsLimit(); }
    @Override public boolean supportsOffset() { return d().supportsOffset(); }
    @SuppressWarnings("deprecation") // still what Spark 3.5 calls
    @Override public boolean supportsTableSample() { return d().supportsTableSample(); }
    @SuppressWarnings("deprecation") // still what Spark 3.5 calls
    @Override public String getTableSample(TableSampleInfo sample) { return d().getTableSample(sample); }
    @Override public Option<String> compileTableSample(TableSampleInfo sample) { return d().compileTableSample(sample); }
    @Override public boolean supportsHint() { return d().supportsHint(); }
    @Override public boolean supportsJoin() { return d().supportsJoin(); }
    @Override public String getFullyQualifiedQuotedTableName(Identifier id) { return d().getFullyQualifiedQuotedTableName(id); }
    @Override public void createTable(Statement st, String table, String schema, JdbcOptionsInWrite o) {
        d(o).createTable(st, table, schema, o);
    }
}
