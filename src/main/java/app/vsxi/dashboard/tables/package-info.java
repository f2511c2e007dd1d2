/**
 * Table editors: drafts of tables downloaded from an SBC, their keyed diff, three-way merge, the plan of calls
 * that applies them, verification, snapshots and roll back.
 */
package app.vsxi.dashboard.tables;
