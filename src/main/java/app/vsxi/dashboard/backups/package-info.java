/**
 * Backups of every table of every SBC on a schedule, kept on change: history, diffs between any two versions,
 * drift the dashboard did not make, restore through the table editor, and search across the fleet's latest backups.
 */
package app.vsxi.dashboard.backups;
