/** The CLI's version, shown by `lifeboat --version` and sent in the User-Agent (a test keeps it equal to package.json's). */
export const cliVersion = '0.1.0';
