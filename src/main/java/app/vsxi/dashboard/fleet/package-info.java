/**
 * The fleet registry: which SBCs the dashboard manages, how to reach them, their encrypted credentials and
 * confirmed certificates.
 */
package app.vsxi.dashboard.fleet;
