package example.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The application: reads its pets through jdbc:stconn:shop, as its Streamlit app does through st.connection("shop"). */
public final class Pets {
    private Pets() {
    }

    public static List<String> names(String projectDir) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:stconn:shop?project_dir=" + projectDir);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM pets ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
