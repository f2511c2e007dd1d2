/** The one-shot migration step: Flyway with the owner's credential, then exit. */
package app.vsxi.dashboard.migrate;
