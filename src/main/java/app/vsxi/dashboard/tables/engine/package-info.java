/** The table engine: keys, diffs, merges, apply plans, drafts as base plus edits and rows at rest; no Spring. */
package app.vsxi.dashboard.tables.engine;
