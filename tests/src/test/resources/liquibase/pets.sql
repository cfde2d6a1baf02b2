--liquibase formatted sql

--changeset stconn:create-pets
CREATE TABLE pets (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, species VARCHAR(40));

--changeset stconn:insert-pets
INSERT INTO pets VALUES (1, 'Biscuit', 'dog'), (2, 'Miso', 'cat'), (3, 'Pickles', 'rabbit');
