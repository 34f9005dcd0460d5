// The test SMTP server lives in the test kit (`@jimukyoku/api/testing`), so the admin's browser tests receive mail the same way.
export * from '../src/testing/smtp-sink';
