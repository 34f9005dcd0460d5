-- Runs once, when the docker-compose PostgreSQL volume is created (docker-entrypoint-initdb.d).
-- The application connects as jimukyoku_api, a member of jimukyoku_app: no superuser, owns nothing, and
-- may only SELECT and INSERT the audit log. Migrations (npm run migrate / npm start) run as postgres,
-- the owner, and grant jimukyoku_app its privileges in the database (migrations/1764202800000-AppRole.ts).
-- The password is the development one of DATABASE_URL's default; never use it in production.
CREATE ROLE jimukyoku_app NOLOGIN;
CREATE ROLE jimukyoku_api LOGIN PASSWORD 'jimukyoku_api' NOSUPERUSER NOCREATEDB NOCREATEROLE IN ROLE jimukyoku_app;
