# streamlit run app.py (from this folder): shows the pets that stconn reads as jdbc:stconn:pets_sqlite
import streamlit as st
from sqlalchemy import text

conn = st.connection("pets_sqlite")  # [connections.pets_sqlite] in .streamlit/secrets.toml
with conn.session as s:  # seed pets.db once, so the demo needs no setup step
    s.execute(text("CREATE TABLE IF NOT EXISTS pets (id INTEGER PRIMARY KEY, name TEXT NOT NULL, species TEXT NOT NULL, born TEXT)"))
    s.execute(text("INSERT OR IGNORE INTO pets VALUES (1, 'Biscuit', 'dog', '2016-04-12'), (2, 'Miso', 'cat', '2019-09-01'), "
                   "(3, 'Pickles', 'rabbit', '2021-02-17'), (4, 'Sir Hiss', 'snake', NULL)"))
    s.commit()
st.title("Pets")
st.dataframe(conn.query("SELECT * FROM pets ORDER BY id", ttl=0), hide_index=True)
