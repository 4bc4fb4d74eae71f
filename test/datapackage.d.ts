// The Frictionless reference library ships no types; the tests use two functions of it.
declare module 'datapackage';
