/**
 * The audit trail: an append-only record of every change and login, who made it, when, from where and how it
 * ended, searchable and exportable within the viewer's groups.
 */
package app.vsxi.dashboard.audit;
