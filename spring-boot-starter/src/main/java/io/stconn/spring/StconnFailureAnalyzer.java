package io.stconn.spring;

import io.stconn.StconnConfigurationException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns stconn's errors at start-up into Boot's "APPLICATION FAILED TO START" report: stconn's
 * message (which names the file, line and key, never a secret) as the description, and what to
 * change as the action.
 */
public class StconnFailureAnalyzer extends AbstractFailureAnalyzer<StconnStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StconnStartupException cause) {
        SQLException sql = cause.getCause();
        boolean configuration = sql instanceof StconnConfigurationException;
        String description = (configuration ? "stconn cannot configure the data source" : "stconn cannot connect")
                + " (SQLState " + sql.getSQLState() + "): " + sql.getMessage();
        String action = configuration
                ? "Fix the [connections.<name>] section or the key named above, or the kwargs in spring.datasource.url and "
                + "spring.datasource.stconn.kwargs. spring.datasource.stconn.project-dir says which project's "
                + ".streamlit/secrets.toml is read; `java -jar stconn-jdbc.jar describe <name> --project <dir>` shows "
                + "what stconn reads."
                : "Check that the database is running and reachable with the credentials of the secrets, or set "
                + "spring.datasource.stconn.check-on-startup=false to start without it.";
        return new FailureAnalysis(description, action, cause);
    }
}
