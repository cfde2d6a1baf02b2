package io.stconn.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code spring.datasource.stconn.*}: what st.connection takes besides the name, which comes with
 * {@code spring.datasource.url=jdbc:stconn:<name>}. Kwargs given here win over the URL's
 * parameters, as connect() Properties do.
 */
@ConfigurationProperties("spring.datasource.stconn")
public class StconnProperties {
    /** The Streamlit project folder whose .streamlit/secrets.toml is read (default: STCONN_PROJECT_DIR, else the working directory). */
    private String projectDir;
    /** Seconds (or 10m, 1h...) a pool lives before it is rebuilt. */
    private String ttl;
    /** Keyword arguments, as in st.connection(name, key=value): driver properties, hikari.* settings, type keys. */
    private Map<String, String> kwargs = new LinkedHashMap<>();
    /** Borrow one connection at start-up, so that a wrong configuration stops the application with stconn's report. */
    private boolean checkOnStartup = true;

    public String getProjectDir() {
        return projectDir;
    }

    public void setProjectDir(String projectDir) {
        this.projectDir = projectDir;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public Map<String, String> getKwargs() {
        return kwargs;
    }

    public void setKwargs(Map<String, String> kwargs) {
        this.kwargs = kwargs;
    }

    public boolean isCheckOnStartup() {
        return checkOnStartup;
    }

    public void setCheckOnStartup(boolean checkOnStartup) {
        this.checkOnStartup = checkOnStartup;
    }
}
