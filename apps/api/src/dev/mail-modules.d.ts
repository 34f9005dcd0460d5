// smtp-server and mailparser ship no type declarations; the tests use a small part of each.
declare module 'smtp-server';
declare module 'mailparser';
