-- Users an administrator keeps, for createConnection(user, password). Passwords are never stored:
-- password_hash holds PBKDF2-HMAC-SHA256 with a random salt ("pbkdf2-sha256$iterations$salt$hash").
CREATE TABLE ${schema}.depot_user (
    name           text        PRIMARY KEY,
    password_hash  text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
