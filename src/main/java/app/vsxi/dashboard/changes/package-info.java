/**
 * Fleet-wide change: one change to one table, taken from the editor's edits on a source SBC, previewed on every
 * target SBC against its own table, sent in waves (a canary first) through the editor's apply, verified by re-read,
 * stopped at a failure threshold, paused and resumed, and rolled back from the snapshots each apply kept.
 */
package app.vsxi.dashboard.changes;
