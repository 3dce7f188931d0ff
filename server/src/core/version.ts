/** This release, as the server, the CLI and SARIF output report it (a test keeps it equal to package.json). */
export const VERSION = '0.1.0';
